/**
 * A heavy lending-markets page: 1,200 rows of ~18 nodes (over 20,000 in all), a token in every
 * third row, served under app.aave.com so the real content script runs on it.
 */
export function heavyPage(): string {
  const symbols = ['wstETH', 'weETH', 'rETH', 'cbETH', 'ezETH', 'rsETH', 'USDC', 'WETH', 'DAI'];
  const rows = Array.from({ length: 1_200 }, (_, i) => {
    const symbol = i % 3 === 0 ? symbols[(i / 3) % 6]! : symbols[6 + (i % 3)]!;
    return `<div class="row" data-cy="marketListItemListItem_${symbol.toUpperCase()}"><div class="cell"><span class="icon"><img alt="" src="data:,"></span><div><h4>Asset ${i}</h4><p class="sym">${symbol}</p></div></div><div class="cell"><p class="num" data-live>${(i * 1.37).toFixed(2)}M</p><p class="sub">$${(i * 3.1).toFixed(2)}M</p></div><div class="cell"><p>${(i % 7) / 3}%</p></div><div class="cell"><p>${(i % 5) / 2}%</p></div><div class="cell"><a href="/reserve-overview/?underlyingAsset=0x${String(i).padStart(40, '0')}">Details</a></div></div>`;
  }).join('');
  return `<!doctype html><html><head><title>Markets | bench</title></head><body><main id="app">${rows}</main></body></html>`;
}
