// Browser benchmarks land with the UI packages; until then this reports nothing.
export async function benchBrowser() {
  return {};
}
