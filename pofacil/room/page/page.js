// The participant's page: send a point, see whether it was received. Standard DOM only
// (current mobile Safari and Chrome); every text a person typed is shown with textContent.
"use strict";
(function () {
  var T = {
    zh: {
      title: "把你的想法寫下來", point: "你的想法", name: "名字（可不填，預設匿名）",
      anonymous: "匿名", send: "送出", sent: "你送出的", other: "English",
      sending: "送出中…", ok: "已收到，謝謝！", empty: "請先寫下你的想法。",
      "too long": "太長了：最多 2000 字。", "slow down": "送得太快了，請稍等一分鐘再送。",
      unavailable: "沒有收到：工作坊檔案現在無法寫入，請稍後再送一次。",
      closed: "沒有收到：這個房間已經關閉。", device: "沒有收到：請重新整理這個頁面再送。",
      network: "沒有收到：連不上房間，請確認連上現場的 Wi-Fi 後再送一次。",
      error: "沒有收到，請再送一次。", waiting: "（還沒收到）",
      vote: "投票", left: "你還有 {n} 票", mine: "我的票", add: "投一票", back: "收回一票",
      refused: "這一票沒有投出：票已用完，或這張不在投票範圍內。", voteClosed: "投票已經結束。"
    },
    en: {
      title: "Write down your point", point: "Your point", name: "Name (optional; anonymous by default)",
      anonymous: "anonymous", send: "Send", sent: "What you sent", other: "中文",
      sending: "Sending…", ok: "Received, thank you!", empty: "Write your point first.",
      "too long": "Too long: 2,000 characters at most.", "slow down": "Too fast; wait a minute before sending more.",
      unavailable: "Not received: the workshop file cannot be written now; send it again later.",
      closed: "Not received: the room is closed.", device: "Not received: reload this page and send again.",
      network: "Not received: the room cannot be reached; check you are on the room's Wi-Fi and send again.",
      error: "Not received; send it again.", waiting: "(not received yet)",
      vote: "Vote", left: "You have {n} votes left", mine: "my votes", add: "Vote", back: "Take back",
      refused: "Not cast: your votes are spent, or this note is not in the vote.", voteClosed: "The vote is over."
    }
  };
  var lang = "zh";
  try { if (localStorage.getItem("pofacil-lang") === "en") lang = "en"; } catch (e) {}
  var $ = function (id) { return document.getElementById(id); };
  var form = $("point"), text = $("text"), name = $("name"), send = $("send"), status = $("status");
  var pending = null; // {key, text}: resent with the same key until received

  function t(key) { return T[lang][key] || T[lang].error; }
  function render() {
    document.documentElement.lang = lang === "zh" ? "zh-Hant-TW" : "en";
    var els = document.querySelectorAll("[data-t]");
    for (var i = 0; i < els.length; i++) els[i].textContent = t(els[i].getAttribute("data-t"));
    name.placeholder = t("anonymous");
    $("lang").textContent = t("other");
  }
  function say(key, good) { // good: true received, false not received, null still sending
    status.textContent = t(key);
    status.className = good === null ? "wait" : good ? "ok" : "bad";
    status.setAttribute("data-state", key);
  }
  function newKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  function remember(value) {
    var li = document.createElement("li");
    li.textContent = value;
    $("sent-list").insertBefore(li, $("sent-list").firstChild);
    $("sent").hidden = false;
  }

  $("lang").addEventListener("click", function () {
    lang = lang === "zh" ? "en" : "zh";
    try { localStorage.setItem("pofacil-lang", lang); } catch (e) {}
    render();
    if (status.getAttribute("data-state")) {
      say(status.getAttribute("data-state"), status.className === "wait" ? null : status.className === "ok");
    }
  });
  text.addEventListener("input", function () {
    $("chars").textContent = String(text.value.length);
    if (pending && pending.text !== text.value) pending = null; // a changed point is a new one
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var value = text.value;
    if (!value.trim()) { say("empty", false); return; }
    if (!pending) pending = { key: newKey(), text: value };
    send.disabled = true;
    say("sending", null);
    var req = new XMLHttpRequest();
    req.open("POST", location.pathname.replace(/\/$/, "") + "/points");
    req.setRequestHeader("Content-Type", "application/json");
    req.timeout = 15000;
    req.onload = function () {
      send.disabled = false;
      var data = {};
      try { data = JSON.parse(req.responseText); } catch (e) {}
      if (req.status === 200 && data.received) {
        pending = null;
        remember(value);
        text.value = "";
        $("chars").textContent = "0";
        say("ok", true);
      } else if (req.status === 410) {
        say("closed", false);
      } else {
        say(data.error && T[lang][data.error] ? data.error : "error", false);
      }
    };
    req.onerror = req.ontimeout = function () { send.disabled = false; say("network", false); };
    req.send(JSON.stringify({ text: value, name: name.value, key: pending.key }));
  });
  // -- the dot vote: the notes being voted on, and this phone's own votes --------------
  var vote = null; // the last state the room sent: {open, round, left, notes: [{id, text, mine}]}
  function base() { return location.pathname.replace(/\/$/, ""); }
  function showVote(state, note) {
    vote = state && state.open ? state : null;
    $("vote").hidden = !vote;
    if (note) { $("vote-status").textContent = t(note); }
    if (!vote) return;
    $("left").textContent = t("left").replace("{n}", String(vote.left));
    var list = $("vote-list");
    while (list.firstChild) list.removeChild(list.firstChild);
    vote.notes.forEach(function (n) {
      var li = document.createElement("li");
      var text = document.createElement("span");
      text.className = "text";
      text.textContent = n.text;
      var mine = document.createElement("span");
      mine.className = "mine";
      mine.textContent = n.mine ? "●" + n.mine : "";
      mine.title = t("mine");
      var back = document.createElement("button");
      back.type = "button"; back.className = "back"; back.textContent = "−";
      back.setAttribute("aria-label", t("back"));
      back.disabled = !n.mine;
      back.addEventListener("click", function () { cast(n.id, true); });
      var add = document.createElement("button");
      add.type = "button"; add.className = "add"; add.textContent = "+";
      add.setAttribute("aria-label", t("add"));
      add.disabled = vote.left <= 0;
      add.addEventListener("click", function () { cast(n.id, false); });
      li.appendChild(text); li.appendChild(mine); li.appendChild(back); li.appendChild(add);
      li.setAttribute("data-note", n.id);
      list.appendChild(li);
    });
  }
  function request(method, url, body, done) {
    var req = new XMLHttpRequest();
    req.open(method, url);
    req.setRequestHeader("Content-Type", "application/json");
    req.timeout = 15000;
    req.onload = function () {
      var data = {};
      try { data = JSON.parse(req.responseText); } catch (e) {}
      done(req.status, data);
    };
    req.onerror = req.ontimeout = function () { done(0, {}); };
    req.send(body ? JSON.stringify(body) : null);
  }
  function poll() {
    request("GET", base() + "/votes", null, function (status, data) {
      if (status === 200) showVote(data);
    });
  }
  function cast(note, back) {
    if (!vote) return;
    request("POST", base() + "/votes", { round: vote.round, note: note, back: back }, function (status, data) {
      if (status === 200) showVote(data, "");
      else if (status === 409 && data.error === "closed") showVote(null, "voteClosed");
      else if (status === 409) showVote(data, "refused");
      else showVote(vote, data.error && T[lang][data.error] ? data.error : "network");
    });
  }
  render();
  poll();
  setInterval(poll, 4000);
})();
