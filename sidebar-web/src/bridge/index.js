// Chooses the bridge to the chat: WeCom's JS-SDK inside the WeCom client, otherwise the demo bridge where the server
// offers it (demo and test profiles). `?bridge=wecom|demo` overrides the choice for testing.
import { createDemoBridge } from './demo.js'

export function wantsWeCom() {
  const wanted = new URLSearchParams(window.location.search).get('bridge')
  return wanted ? wanted === 'wecom' : /wxwork/i.test(navigator.userAgent)
}

export async function chooseBridge(settings) {
  if (wantsWeCom()) {
    // the JS-SDK is a chunk of its own, loaded only inside WeCom
    const { createWeComBridge } = await import('./wecom.js')
    return createWeComBridge()
  }
  return settings && settings.demoBridge ? createDemoBridge() : null
}
