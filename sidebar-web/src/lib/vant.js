// The Vant components the sidebar uses, registered one by one with their own styles, so the bundle carries only these.
import {
  ActionSheet, Button, Cell, CellGroup, Dialog, Empty, Field, Icon, List, Loading, NoticeBar, Popup, Progress, Radio,
  RadioGroup, Search, Skeleton, Tab, Tabs, Tag,
} from 'vant'
import 'vant/es/action-sheet/style/index'
import 'vant/es/button/style/index'
import 'vant/es/cell/style/index'
import 'vant/es/cell-group/style/index'
import 'vant/es/dialog/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/field/style/index'
import 'vant/es/icon/style/index'
import 'vant/es/list/style/index'
import 'vant/es/loading/style/index'
import 'vant/es/notice-bar/style/index'
import 'vant/es/popup/style/index'
import 'vant/es/progress/style/index'
import 'vant/es/radio/style/index'
import 'vant/es/radio-group/style/index'
import 'vant/es/search/style/index'
import 'vant/es/skeleton/style/index'
import 'vant/es/tab/style/index'
import 'vant/es/tabs/style/index'
import 'vant/es/tag/style/index'
import 'vant/es/toast/style/index'

const components = [ActionSheet, Button, Cell, CellGroup, Dialog, Empty, Field, Icon, List, Loading, NoticeBar, Popup,
  Progress, Radio, RadioGroup, Search, Skeleton, Tab, Tabs, Tag]

export function installVant(app) {
  components.forEach((c) => app.use(c))
}
