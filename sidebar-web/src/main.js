import { createApp } from 'vue'
import App from './App.vue'
import { installVant } from './lib/vant.js'
import './styles.css'

const app = createApp(App)
installVant(app)
app.mount('#app')
