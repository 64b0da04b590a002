/*
 * Every string the desktop shows, in English and Chinese (one dictionary: translators edit only this file).
 * Elements carry data-i18n="key" (their text), data-i18n-placeholder or data-i18n-title; scripts call
 * Hotline.i18n.t("key", {name: value}). Values sent by the server are shown as they are, except the enumerated
 * states and tiers, which have their own keys (state.READY, tier.TIER2 ...).
 */
(function () {
  "use strict";
  var dictionary = {
    en: {
      "app.name": "Hotline",
      "app.language": "Language",
      "app.signOut": "Sign out",
      "app.loading": "Loading…",
      "app.otherRole": "This page is for seat agents and supervisors. Your role has its own tools.",
      "app.live": "Live",
      "app.reconnecting": "Not live: refreshing every few seconds",
      "app.sessionEnded": "Your session has ended. Please sign in again.",
      "app.unreachable": "Hotline cannot be reached. Check the network and try again.",
      "app.starting": "Hotline is still starting. Try again in a moment.",
      "app.forbidden": "You are not allowed to do this.",
      "app.failed": "That did not work ({status}). Try again or ask your supervisor.",
      "common.cancel": "Cancel",
      "common.dismiss": "Dismiss",
      "common.none": "None",
      "login.title": "Sign in to Hotline",
      "login.hint": "Use the login and password your supervisor gave you.",
      "login.login": "Login",
      "login.password": "Password",
      "login.submit": "Sign in",
      "login.refused": "Login or password is wrong (or the account is disabled).",
      "login.throttled": "Too many failed attempts. Try again in {seconds} seconds.",
      "login.throttledSoon": "Too many failed attempts. Wait a few minutes and try again.",
      "seat.label": "My seat",
      "seat.for": "for",
      "seat.reason": "Reason",
      "seat.login": "Log in to seat",
      "seat.loginHelp": "Start your shift: Hotline may offer you calls once you are ready.",
      "seat.ready": "Ready",
      "seat.readyHelp": "Take calls now.",
      "seat.notReady": "Not ready…",
      "seat.notReadyHelp": "Stop receiving calls for a while, with a reason.",
      "seat.confirm": "Confirm",
      "seat.wrapUpDone": "Wrap-up done",
      "seat.wrapUpDoneHelp": "Finished the after-call work: ready for the next call.",
      "seat.logout": "Log out of seat",
      "seat.logoutHelp": "End your shift: no more calls.",
      "seat.hint.LOGGED_OUT": "You are logged out of your seat. Press “Log in to seat” to start.",
      "seat.hint.READY": "You are ready: your phone will ring when a customer calls.",
      "seat.hint.RESERVED": "Your phone is ringing: answer it. The caller's details are below.",
      "seat.hint.ON_CALL": "You are on a call. Fill in the work order while you talk.",
      "seat.hint.WRAP_UP": "Finish the work order, then press “Wrap-up done”.",
      "seat.hint.NOT_READY": "You receive no calls. Press “Ready” when you are back.",
      "state.LOGGED_OUT": "Logged out",
      "state.READY": "Ready",
      "state.RESERVED": "Ringing",
      "state.ON_CALL": "On a call",
      "state.WRAP_UP": "Wrap-up",
      "state.NOT_READY": "Not ready",
      "device.UNKNOWN": "phone: unknown",
      "device.NOT_IN_USE": "phone: idle",
      "device.NOT_INUSE": "phone: idle",
      "device.RINGING": "phone: ringing",
      "device.IN_USE": "phone: in use",
      "device.INUSE": "phone: in use",
      "device.UNAVAILABLE": "phone: unreachable",
      "reason.break": "Short break",
      "reason.lunch": "Lunch",
      "reason.training": "Training",
      "reason.meeting": "Meeting",
      "reason.coaching": "Coaching",
      "reason.admin": "Paperwork",
      "pop.title": "Caller",
      "pop.none": "No call right now. When your phone rings, the caller's details appear here.",
      "pop.phase.offered": "Incoming call: your phone is ringing",
      "pop.phase.answered": "Connected",
      "pop.phase.ended": "Call ended",
      "pop.number": "Number",
      "pop.queue": "Queue",
      "pop.vip": "VIP",
      "pop.code": "Customer code",
      "pop.contract": "Contract",
      "pop.region": "Region",
      "pop.site": "Site",
      "pop.unknown": "Unknown number: ask for the customer's name and company.",
      "pop.products": "Installed products",
      "pop.openWorkOrders": "Open work orders",
      "pop.lastContacts": "Last contacts",
      "pop.articles": "Suggested articles",
      "pop.close": "Close this call's panel",
      "pop.modules": "modules: {modules}",
      "pop.talk": "talked {duration}",
      "pop.byWorkOrder": "work order #{id}",
      "contract.PREMIUM": "Premium",
      "contract.STANDARD": "Standard",
      "contract.BASIC": "Basic",
      "outcome.ANSWERED": "answered",
      "outcome.ABANDONED": "hung up while waiting",
      "outcome.MISSED": "missed",
      "outcome.CALLBACK": "call back",
      "outcome.ONGOING": "in progress",
      "wo.title": "Work order",
      "wo.none": "The work order of your call opens here.",
      "wo.tier": "Tier",
      "wo.owner": "Owner",
      "wo.category": "Category",
      "wo.productLine": "Product line",
      "wo.severity": "Severity",
      "wo.severityReason": "Why does the severity change? (required)",
      "wo.severityReasonMissing": "Say why the severity changes.",
      "wo.summary": "Summary",
      "wo.notes": "Notes",
      "wo.save": "Save",
      "wo.saved": "Saved at {time}.",
      "wo.saving": "Saving…",
      "wo.nothingChanged": "Nothing changed.",
      "wo.trail": "History",
      "wo.trailEntry": "{action} {from} → {to} by {actor}",
      "wostate.NEW": "New",
      "wostate.IN_PROGRESS": "In progress",
      "wostate.WAITING_ON_CUSTOMER": "Waiting on customer",
      "wostate.DISPATCHED": "Dispatched",
      "wostate.RESOLVED": "Resolved",
      "wostate.CLOSED": "Closed",
      "wostate.CANCELLED": "Cancelled",
      "severity.P1": "P1 – system down",
      "severity.P2": "P2 – major function impaired",
      "severity.P3": "P3 – minor problem or question",
      "tier.TIER1": "Tier 1",
      "tier.TIER2": "Tier 2",
      "tier.EXPERT": "Expert team",
      "tier.REMOTE": "Remote session",
      "tier.ON_SITE": "On-site visit",
      "clock.response": "Response due",
      "clock.resolution": "Resolution due",
      "clock.left": "{time} left",
      "clock.overdue": "overdue by {time}",
      "clock.met": "met",
      "clock.breached": "breached",
      "clock.paused": "paused, {time} left",
      "clock.dueAt": "due {at}",
      "esc.title": "Escalate",
      "esc.to": "Escalate to",
      "esc.reason": "Reason (required)",
      "esc.site": "Site address for the engineer (required)",
      "esc.submit": "Escalate",
      "esc.reasonMissing": "Give a reason for the escalation.",
      "esc.siteMissing": "Give the site address for the on-site visit.",
      "esc.done": "Escalated to {tier}.",
      "wait.title": "Waiting on the customer",
      "wait.reason": "What are we waiting for?",
      "wait.submit": "Pause: waiting on customer",
      "wait.resume": "Resume",
      "wait.reasonMissing": "Say what we are waiting for.",
      "wait.paused": "Paused: the resolution clock stops while we wait.",
      "wait.resumed": "Resumed.",
      "wait.resumeReason": "customer replied",
      "resolve.title": "Resolve",
      "resolve.resolution": "Resolution: what fixed it?",
      "resolve.article": "Turn this into a knowledge-base article",
      "resolve.articleTitle": "Article title",
      "resolve.symptoms": "Symptoms the customer saw",
      "resolve.submit": "Resolve work order",
      "resolve.missing": "Describe the resolution first.",
      "resolve.done": "Resolved.",
      "kb.title": "Knowledge base",
      "kb.query": "Search words",
      "kb.placeholder": "e.g. error message, symptom",
      "kb.search": "Search",
      "kb.thisProduct": "Only this call's product",
      "kb.none": "No article found. Try other words.",
      "kb.count": "{count} articles",
      "kb.searching": "Searching…",
      "note.slaWarning": "Work order #{id}: {clock} clock at {level} % of its time (due {at}).",
      "note.slaBreached": "Work order #{id}: {clock} clock is breached (was due {at}).",
      "note.offerWithdrawn": "The call stopped ringing ({reason}).",
      "note.refused": "Refused: {message}",
      "sup.seats": "Seats",
      "sup.seat": "Seat",
      "sup.agent": "Agent",
      "sup.state": "State",
      "sup.since": "For",
      "sup.call": "Current call",
      "sup.device": "Phone",
      "sup.actions": "Actions",
      "sup.workOrders": "Open work orders",
      "sup.customer": "Customer",
      "sup.stateCol": "State",
      "sup.reassign": "Reassign",
      "sup.setState": "Set",
      "sup.listen": "Listen",
      "sup.whisper": "Whisper",
      "sup.barge": "Barge in",
      "sup.monitorHelp": "Hotline rings your phone; answer it to join the call.",
      "sup.reasonPlaceholder": "reason",
      "sup.seatPlaceholder": "seat, e.g. S102",
      "sup.callInfo": "{seconds} · WO #{id}",
      "sup.done": "Done: {what}.",
      "sup.monitorRinging": "Your phone rings now: answer it to {mode} seat {seat}.",
      "sup.reasonMissing": "A reason is required."
    },
    zh: {
      "app.name": "Hotline 热线",
      "app.language": "语言",
      "app.signOut": "退出登录",
      "app.loading": "正在加载…",
      "app.otherRole": "本页面供坐席和班长使用。您的角色有自己的工具。",
      "app.live": "实时",
      "app.reconnecting": "未实时连接：每隔几秒刷新",
      "app.sessionEnded": "您的会话已结束，请重新登录。",
      "app.unreachable": "无法连接 Hotline。请检查网络后重试。",
      "app.starting": "Hotline 正在启动，请稍后再试。",
      "app.forbidden": "您无权执行此操作。",
      "app.failed": "操作失败（{status}）。请重试或联系班长。",
      "common.cancel": "取消",
      "common.dismiss": "关闭",
      "common.none": "无",
      "login.title": "登录 Hotline",
      "login.hint": "请使用班长给您的账号和密码。",
      "login.login": "账号",
      "login.password": "密码",
      "login.submit": "登录",
      "login.refused": "账号或密码错误（或账号已停用）。",
      "login.throttled": "失败次数过多，请在 {seconds} 秒后重试。",
      "login.throttledSoon": "失败次数过多，请几分钟后重试。",
      "seat.label": "我的坐席",
      "seat.for": "已持续",
      "seat.reason": "原因",
      "seat.login": "签入坐席",
      "seat.loginHelp": "开始上班：就绪后 Hotline 会给您分配来电。",
      "seat.ready": "就绪",
      "seat.readyHelp": "现在开始接听来电。",
      "seat.notReady": "暂停接听…",
      "seat.notReadyHelp": "暂时不接来电，需选择原因。",
      "seat.confirm": "确认",
      "seat.wrapUpDone": "话后处理完成",
      "seat.wrapUpDoneHelp": "话后工作已完成：准备接听下一个来电。",
      "seat.logout": "签出坐席",
      "seat.logoutHelp": "结束上班：不再接听来电。",
      "seat.hint.LOGGED_OUT": "您已签出坐席。点击“签入坐席”开始。",
      "seat.hint.READY": "您已就绪：客户来电时电话会响铃。",
      "seat.hint.RESERVED": "电话正在响铃：请接听。来电客户信息见下方。",
      "seat.hint.ON_CALL": "通话中。请边通话边填写工单。",
      "seat.hint.WRAP_UP": "请完成工单，然后点击“话后处理完成”。",
      "seat.hint.NOT_READY": "您不会收到来电。回来后请点击“就绪”。",
      "state.LOGGED_OUT": "已签出",
      "state.READY": "就绪",
      "state.RESERVED": "振铃中",
      "state.ON_CALL": "通话中",
      "state.WRAP_UP": "话后处理",
      "state.NOT_READY": "暂停",
      "device.UNKNOWN": "话机：未知",
      "device.NOT_IN_USE": "话机：空闲",
      "device.NOT_INUSE": "话机：空闲",
      "device.RINGING": "话机：振铃",
      "device.IN_USE": "话机：使用中",
      "device.INUSE": "话机：使用中",
      "device.UNAVAILABLE": "话机：不可达",
      "reason.break": "小休",
      "reason.lunch": "午餐",
      "reason.training": "培训",
      "reason.meeting": "会议",
      "reason.coaching": "辅导",
      "reason.admin": "事务处理",
      "pop.title": "来电客户",
      "pop.none": "当前没有来电。电话响铃时，来电客户信息会显示在这里。",
      "pop.phase.offered": "来电：您的电话正在响铃",
      "pop.phase.answered": "已接通",
      "pop.phase.ended": "通话已结束",
      "pop.number": "号码",
      "pop.queue": "队列",
      "pop.vip": "VIP",
      "pop.code": "客户编号",
      "pop.contract": "合同级别",
      "pop.region": "区域",
      "pop.site": "地址",
      "pop.unknown": "未知号码：请询问客户姓名和公司。",
      "pop.products": "已安装产品",
      "pop.openWorkOrders": "未结工单",
      "pop.lastContacts": "最近联系",
      "pop.articles": "推荐文章",
      "pop.close": "关闭本次来电面板",
      "pop.modules": "模块：{modules}",
      "pop.talk": "通话 {duration}",
      "pop.byWorkOrder": "工单 #{id}",
      "contract.PREMIUM": "高级",
      "contract.STANDARD": "标准",
      "contract.BASIC": "基础",
      "outcome.ANSWERED": "已接听",
      "outcome.ABANDONED": "等待中挂断",
      "outcome.MISSED": "未接",
      "outcome.CALLBACK": "回拨",
      "outcome.ONGOING": "进行中",
      "wo.title": "工单",
      "wo.none": "来电的工单会在这里打开。",
      "wo.tier": "层级",
      "wo.owner": "负责坐席",
      "wo.category": "类别",
      "wo.productLine": "产品线",
      "wo.severity": "严重程度",
      "wo.severityReason": "为什么修改严重程度？（必填）",
      "wo.severityReasonMissing": "请说明修改严重程度的原因。",
      "wo.summary": "摘要",
      "wo.notes": "备注",
      "wo.save": "保存",
      "wo.saved": "已于 {time} 保存。",
      "wo.saving": "正在保存…",
      "wo.nothingChanged": "没有修改。",
      "wo.trail": "处理记录",
      "wo.trailEntry": "{action} {from} → {to}，操作人 {actor}",
      "wostate.NEW": "新建",
      "wostate.IN_PROGRESS": "处理中",
      "wostate.WAITING_ON_CUSTOMER": "等待客户",
      "wostate.DISPATCHED": "已派工",
      "wostate.RESOLVED": "已解决",
      "wostate.CLOSED": "已关闭",
      "wostate.CANCELLED": "已取消",
      "severity.P1": "P1 – 系统瘫痪",
      "severity.P2": "P2 – 主要功能受损",
      "severity.P3": "P3 – 小问题或咨询",
      "tier.TIER1": "一线",
      "tier.TIER2": "二线",
      "tier.EXPERT": "专家组",
      "tier.REMOTE": "远程服务",
      "tier.ON_SITE": "上门服务",
      "clock.response": "响应时限",
      "clock.resolution": "解决时限",
      "clock.left": "剩余 {time}",
      "clock.overdue": "已超时 {time}",
      "clock.met": "已达成",
      "clock.breached": "已违约",
      "clock.paused": "已暂停，剩余 {time}",
      "clock.dueAt": "截止 {at}",
      "esc.title": "升级",
      "esc.to": "升级到",
      "esc.reason": "原因（必填）",
      "esc.site": "工程师上门地址（必填）",
      "esc.submit": "升级",
      "esc.reasonMissing": "请填写升级原因。",
      "esc.siteMissing": "请填写上门服务地址。",
      "esc.done": "已升级到{tier}。",
      "wait.title": "等待客户",
      "wait.reason": "在等待什么？",
      "wait.submit": "暂停：等待客户",
      "wait.resume": "恢复处理",
      "wait.reasonMissing": "请说明在等待什么。",
      "wait.paused": "已暂停：等待期间解决时限停止计时。",
      "wait.resumed": "已恢复。",
      "wait.resumeReason": "客户已回复",
      "resolve.title": "解决",
      "resolve.resolution": "解决方案：如何解决的？",
      "resolve.article": "将此方案转为知识库文章",
      "resolve.articleTitle": "文章标题",
      "resolve.symptoms": "客户看到的现象",
      "resolve.submit": "解决工单",
      "resolve.missing": "请先填写解决方案。",
      "resolve.done": "已解决。",
      "kb.title": "知识库",
      "kb.query": "搜索词",
      "kb.placeholder": "例如：错误信息、现象",
      "kb.search": "搜索",
      "kb.thisProduct": "仅限本次来电的产品",
      "kb.none": "没有找到文章，请换个词试试。",
      "kb.count": "{count} 篇文章",
      "kb.searching": "正在搜索…",
      "note.slaWarning": "工单 #{id}：{clock}已用去 {level}% 的时间（截止 {at}）。",
      "note.slaBreached": "工单 #{id}：{clock}已超时（截止 {at}）。",
      "note.offerWithdrawn": "来电已停止振铃（{reason}）。",
      "note.refused": "被拒绝：{message}",
      "sup.seats": "坐席",
      "sup.seat": "坐席",
      "sup.agent": "坐席员",
      "sup.state": "状态",
      "sup.since": "持续",
      "sup.call": "当前通话",
      "sup.device": "话机",
      "sup.actions": "操作",
      "sup.workOrders": "未结工单",
      "sup.customer": "客户",
      "sup.stateCol": "状态",
      "sup.reassign": "改派",
      "sup.setState": "设置",
      "sup.listen": "监听",
      "sup.whisper": "耳语",
      "sup.barge": "强插",
      "sup.monitorHelp": "Hotline 会呼叫您的话机，接听后即加入通话。",
      "sup.reasonPlaceholder": "原因",
      "sup.seatPlaceholder": "坐席，如 S102",
      "sup.callInfo": "{seconds} · 工单 #{id}",
      "sup.done": "完成：{what}。",
      "sup.monitorRinging": "您的话机正在响铃：接听后即可{mode}坐席 {seat}。",
      "sup.reasonMissing": "必须填写原因。"
    }
  };

  var STORAGE_KEY = "hotline.lang";
  var listeners = [];
  var current = initialLanguage();

  function initialLanguage() {
    var stored = null;
    try {
      stored = window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      stored = null; // storage disabled: fall back to the browser's language
    }
    if (stored && dictionary[stored]) {
      return stored;
    }
    var preferred = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
    return preferred.toLowerCase().indexOf("zh") === 0 ? "zh" : "en";
  }

  /** The text of key in the current language with {name} placeholders filled; the English one if missing. */
  function t(key, params) {
    var text = dictionary[current][key];
    if (text === undefined) {
      text = dictionary.en[key];
    }
    if (text === undefined) {
      return key;
    }
    if (params) {
      text = text.replace(/\{(\w+)\}/g, function (whole, name) {
        return params[name] === undefined || params[name] === null ? "" : String(params[name]);
      });
    }
    return text;
  }

  /** The label of an enumerated value (state.READY), or the value itself when the dictionary has none. */
  function label(prefix, value) {
    if (value === null || value === undefined || value === "") {
      return "";
    }
    var key = prefix + "." + value;
    return dictionary[current][key] || dictionary.en[key] || String(value);
  }

  function apply(root) {
    var scope = root || document;
    scope.querySelectorAll("[data-i18n]").forEach(function (element) {
      element.textContent = t(element.getAttribute("data-i18n"));
    });
    scope.querySelectorAll("[data-i18n-placeholder]").forEach(function (element) {
      element.setAttribute("placeholder", t(element.getAttribute("data-i18n-placeholder")));
    });
    scope.querySelectorAll("[data-i18n-title]").forEach(function (element) {
      element.setAttribute("title", t(element.getAttribute("data-i18n-title")));
    });
  }

  function setLanguage(language) {
    if (!dictionary[language]) {
      return;
    }
    current = language;
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch (e) {
      // not remembered across visits; the switch still works for this page
    }
    document.documentElement.setAttribute("lang", language === "zh" ? "zh-CN" : "en");
    apply(document);
    listeners.forEach(function (listener) {
      listener(language);
    });
  }

  window.Hotline = window.Hotline || {};
  window.Hotline.i18n = {
    t: t,
    label: label,
    apply: apply,
    setLanguage: setLanguage,
    language: function () {
      return current;
    },
    locale: function () {
      return current === "zh" ? "zh-CN" : "en-GB";
    },
    onChange: function (listener) {
      listeners.push(listener);
    },
    dictionary: dictionary
  };
}());
