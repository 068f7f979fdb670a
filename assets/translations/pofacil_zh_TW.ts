<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../pofacil/ui/about.py" line="57"/>
        <source>About pofacil</source>
        <translation>關於 pofacil</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/about.py" line="62"/>
        <source>pofacil {version}</source>
        <translation>pofacil {version}</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/about.py" line="69"/>
        <source>An offline facilitation board for in-room open-government workshops. It needs no network; each workshop is one .pofacil file.</source>
        <translation>離線的現場工作坊引導白板，供開放政府的協作會議與共識營使用。不需要網路；每場工作坊就是一個 .pofacil 檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/about.py" line="75"/>
        <source>pofacil is free software under the MIT License. Its bundled font, Pofacil Sans TC, is derived from Noto Sans CJK and is licensed under the SIL Open Font License 1.1 (below).</source>
        <translation>pofacil 是以 MIT 授權條款釋出的自由軟體。隨附的字型 Pofacil Sans TC 衍生自 Noto Sans CJK，採用 SIL 開放字型授權條款 1.1 版（全文如下）。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/about.py" line="81"/>
        <source>Python {python}, PySide6 {pyside}, Qt {qt}</source>
        <translation>Python {python}、PySide6 {pyside}、Qt {qt}</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/about.py" line="106"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/about.py" line="107"/>
        <source>&amp;About pofacil</source>
        <translation>關於 pofacil(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ActorBar</name>
    <message>
        <location filename="../../pofacil/ui/actor_bar.py" line="66"/>
        <source>Who is at the keyboard? The history records this name:</source>
        <translation>現在是誰在操作？歷程會記下這個名字：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/actor_bar.py" line="70"/>
        <source>facilitator or scribe</source>
        <translation>主持人或紀錄</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/actor_bar.py" line="74"/>
        <source>Only for this workshop</source>
        <translation>只用於這個工作坊</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/actor_bar.py" line="76"/>
        <source>OK</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/actor_bar.py" line="79"/>
        <source>Not now</source>
        <translation>稍後</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/actor_bar.py" line="103"/>
        <source>Type a name first.</source>
        <translation>請先輸入名字。</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="138"/>
        <source>Add a &amp;row</source>
        <translation>新增一列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="139"/>
        <source>&amp;Heat map</source>
        <translation>熱度圖(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="142"/>
        <source>Send cells to &amp;breakout…</source>
        <translation>送往分組討論(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="145"/>
        <source>&amp;Lay out mind map</source>
        <translation>整理心智圖(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="148"/>
        <source>Save board as &amp;template…</source>
        <translation>將白板存為範本(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="150"/>
        <source>Turn into &amp;need</source>
        <translation>轉為需求(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="152"/>
        <source>Collapse or expand branch</source>
        <translation>收合或展開分支</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="199"/>
        <source>Copy to board</source>
        <translation>複製到白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="244"/>
        <source>Cannot send to breakout</source>
        <translation>無法送往分組討論</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="255"/>
        <source>Sent to breakout</source>
        <translation>已送往分組討論</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="264"/>
        <source>Breakout boards made: %1</source>
        <translation>已建立分組白板：%1 張</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="270"/>
        <source>• %1: %2 notes</source>
        <translation>• %1：%2 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="272"/>
        <source>• %1: %2 notes (a board named %3 exists, so a number was added)</source>
        <translation>• %1：%2 張便利貼（已有名為「%3」的白板，名稱加上編號）</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="277"/>
        <source>Each sheet starts with three empty rows. The cell&apos;s notes wait in a reference area to its right: drag them into the rows.</source>
        <translation>每張概念發展單先有三列空白。該格的便利貼放在右側的參考區，請拖進各列。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="294"/>
        <source>Save board as template</source>
        <translation>將白板存為範本</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="295"/>
        <source>Template name:</source>
        <translation>範本名稱：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="304"/>
        <source>Cannot save the template</source>
        <translation>無法儲存範本</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="306"/>
        <source>Template saved.</source>
        <translation>範本已儲存。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="347"/>
        <source>New idea</source>
        <translation>新想法</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="387"/>
        <source>Rename</source>
        <translation>重新命名</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="388"/>
        <source>Label:</source>
        <translation>標籤：</translation>
    </message>
</context>
<context>
    <name>CaptureBar</name>
    <message>
        <location filename="../../pofacil/ui/capture.py" line="59"/>
        <source>Capture:</source>
        <translation>快速記錄：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/capture.py" line="65"/>
        <source>Type a point and press Enter; &quot;Speaker: point&quot; sets who said it</source>
        <translation>輸入重點後按 Enter；寫成「發言者：重點」可註明是誰說的</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/capture.py" line="73"/>
        <source>Where the next note goes: pick it here, or Alt+arrow keys step it</source>
        <translation>下一張便利貼放的位置：在這裡選，或用 Alt+方向鍵移動</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/capture.py" line="100"/>
        <source>Speaker: %1</source>
        <translation>發言者：%1</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/capture.py" line="123"/>
        <source>next to the previous note</source>
        <translation>接在上一張後面</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/capture.py" line="127"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
</context>
<context>
    <name>CellPicker</name>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="58"/>
        <location filename="../../pofacil/ui/board_actions.py" line="122"/>
        <source>Send to breakout</source>
        <translation>送往分組討論</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="60"/>
        <source>Select &amp;all</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="68"/>
        <source>%1 (%2 notes)</source>
        <translation>%1（%2 張便利貼）</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/board_actions.py" line="123"/>
        <source>Check at least one cell to send to a breakout.</source>
        <translation>請至少勾選一格送往分組討論。</translation>
    </message>
</context>
<context>
    <name>DeletedNotesDialog</name>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="113"/>
        <source>Deleted notes</source>
        <translation>已刪除的便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="120"/>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../pofacil/ui/document.py" line="28"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="52"/>
        <location filename="../../pofacil/ui/export_dialog.py" line="251"/>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="56"/>
        <source>PDF for the report</source>
        <translation>PDF（供會議報告）</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="57"/>
        <source>PNG image</source>
        <translation>PNG 圖片</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="58"/>
        <source>Markdown minutes</source>
        <translation>Markdown 紀錄</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="59"/>
        <source>CSV minutes</source>
        <translation>CSV 紀錄</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="62"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="70"/>
        <source>Boards:</source>
        <translation>白板：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="73"/>
        <source>Paper:</source>
        <translation>紙張：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="76"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="77"/>
        <source>Fit to one page</source>
        <translation>縮放成一頁</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="78"/>
        <source>Tile across pages</source>
        <translation>分頁拼貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="83"/>
        <source>For free boards and mind maps; a table always prints as an overview page and detail pages.</source>
        <translation>用於自由白板與心智圖；表格一律印成一頁總覽加明細頁。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="87"/>
        <source>Layout:</source>
        <translation>版面：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="88"/>
        <source>Append the meeting record</source>
        <translation>附上會議紀錄</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="91"/>
        <source>List each correction (original → final, who, when)</source>
        <translation>列出每項修正（原文 → 現在、修正者、時間）</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="96"/>
        <source>PNG scale:</source>
        <translation>PNG 倍率：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="147"/>
        <source>Exporting…</source>
        <translation>匯出中…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="148"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="217"/>
        <source>Cannot export</source>
        <translation>無法匯出</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="228"/>
        <source>Exported</source>
        <translation>已匯出</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/export_dialog.py" line="234"/>
        <source>Open the file</source>
        <translation>開啟檔案</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../pofacil/ui/find_bar.py" line="50"/>
        <source>Find notes</source>
        <translation>搜尋便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/find_bar.py" line="55"/>
        <source>Next</source>
        <translation>下一個</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/find_bar.py" line="59"/>
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/find_bar.py" line="61"/>
        <source>Find:</source>
        <translation>搜尋：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/find_bar.py" line="100"/>
        <source>%1 found</source>
        <translation>找到 %1 筆</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/find_bar.py" line="114"/>
        <source>%1 of %2</source>
        <translation>第 %1 筆，共 %2 筆</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../pofacil/ui/history_panel.py" line="45"/>
        <source>History</source>
        <translation>歷程</translation>
    </message>
</context>
<context>
    <name>InboxDock</name>
    <message>
        <location filename="../../pofacil/ui/inbox_panel.py" line="44"/>
        <location filename="../../pofacil/ui/inbox_panel.py" line="205"/>
        <source>Inbox</source>
        <translation>收件匣</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/inbox_panel.py" line="56"/>
        <source>&amp;Accept</source>
        <translation>採用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/inbox_panel.py" line="58"/>
        <source>&amp;Edit, then accept…</source>
        <translation>修改後採用(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/inbox_panel.py" line="60"/>
        <location filename="../../pofacil/ui/inbox_panel.py" line="118"/>
        <source>Set &amp;aside</source>
        <translation>擱置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/inbox_panel.py" line="65"/>
        <source>Show the points set aside</source>
        <translation>顯示已擱置的意見</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/inbox_panel.py" line="118"/>
        <source>&amp;Put back</source>
        <translation>放回收件匣(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/inbox_panel.py" line="169"/>
        <source>Edit, then accept</source>
        <translation>修改後採用</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/inbox_panel.py" line="170"/>
        <source>Reword the point neutrally:</source>
        <translation>以中立的文字改寫這則意見：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="141"/>
        <location filename="../../pofacil/ui/main_window.py" line="366"/>
        <location filename="../../pofacil/ui/main_window.py" line="373"/>
        <source>Add a board</source>
        <translation>新增白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="247"/>
        <source>Read-only</source>
        <translation>唯讀</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="249"/>
        <source>Saved</source>
        <translation>已儲存</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="251"/>
        <source>NOT SAVED: save a copy elsewhere</source>
        <translation>未儲存：請將複本另存到其他位置</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="274"/>
        <source>The workshop file cannot be written</source>
        <translation>無法寫入工作坊檔案</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="278"/>
        <source>Your changes are kept in memory. Use File &gt; Save a Copy to save them somewhere else.</source>
        <translation>您的變更暫時保留在記憶體中。請用「檔案 &gt; 另存複本」把它們儲存到其他位置。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="341"/>
        <source>A workshop keeps at least one board.</source>
        <translation>工作坊至少要保留一個白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="344"/>
        <source>Board deleted; Undo brings it back.</source>
        <translation>白板已刪除；按「復原」可以找回來。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="352"/>
        <source>Rename board</source>
        <translation>重新命名白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="353"/>
        <location filename="../../pofacil/ui/main_window.py" line="374"/>
        <source>Board name:</source>
        <translation>白板名稱：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="366"/>
        <source>Template:</source>
        <translation>範本：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="478"/>
        <source>New note</source>
        <translation>新便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="522"/>
        <location filename="../../pofacil/ui/main_window.py" line="525"/>
        <source>Group</source>
        <translation>群組</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="523"/>
        <location filename="../../pofacil/ui/main_window.py" line="550"/>
        <source>Group name:</source>
        <translation>群組名稱：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="549"/>
        <source>Rename group</source>
        <translation>重新命名群組</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="64"/>
        <source>Cannot open</source>
        <translation>無法開啟</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="77"/>
        <source>Opened read-only</source>
        <translation>已用唯讀方式開啟</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="80"/>
        <source>It is open read-only: you can look, present and export, and File &gt; Save a copy… makes a copy you can change.</source>
        <translation>已用唯讀方式開啟：可以檢視、投影和匯出；「檔案 &gt; 另存複本…」可以另存一份能修改的複本。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="92"/>
        <source>Workshop in use</source>
        <translation>工作坊檔案使用中</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="95"/>
        <source>Open it read-only?</source>
        <translation>要以唯讀方式開啟嗎？</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="634"/>
        <location filename="../../pofacil/ui/main_window.py" line="639"/>
        <source>New workshop</source>
        <translation>新增工作坊</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="634"/>
        <location filename="../../pofacil/ui/main_window.py" line="651"/>
        <location filename="../../pofacil/ui/main_window.py" line="666"/>
        <source>Workshops (*.pofacil)</source>
        <translation>工作坊檔案 (*.pofacil)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="639"/>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="646"/>
        <source>Cannot create</source>
        <translation>無法建立</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="651"/>
        <source>Open workshop</source>
        <translation>開啟工作坊</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="664"/>
        <source>Save a copy</source>
        <translation>另存複本</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="673"/>
        <source>Copy saved.</source>
        <translation>複本已儲存。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="680"/>
        <source>Cannot save a copy</source>
        <translation>無法另存複本</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="749"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="767"/>
        <source>History…</source>
        <translation>歷程…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="796"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="797"/>
        <source>&amp;New workshop…</source>
        <translation>新增工作坊(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="798"/>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="799"/>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="801"/>
        <source>Save a &amp;copy…</source>
        <translation>另存複本(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="804"/>
        <source>&amp;Import boards from another workshop…</source>
        <translation>從其他工作坊匯入分組(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="807"/>
        <source>Workshop &amp;details…</source>
        <translation>工作坊資料(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="812"/>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="818"/>
        <source>Export &amp;all boards as PDF</source>
        <translation>將所有白板匯出為 PDF(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="823"/>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="824"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="826"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="827"/>
        <location filename="../../pofacil/ui/main_window.py" line="909"/>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="829"/>
        <location filename="../../pofacil/ui/main_window.py" line="910"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="832"/>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="833"/>
        <source>&amp;Paste</source>
        <translation>貼上(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="835"/>
        <source>D&amp;uplicate</source>
        <translation>再製一份(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="838"/>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="840"/>
        <source>&amp;Edit note</source>
        <translation>編輯便利貼(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="843"/>
        <source>Select &amp;all</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="848"/>
        <source>&amp;Group…</source>
        <translation>組成群組(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="850"/>
        <source>U&amp;ngroup</source>
        <translation>解散群組(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="852"/>
        <source>Deleted notes…</source>
        <translation>已刪除的便利貼…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="854"/>
        <source>&amp;Find…</source>
        <translation>搜尋(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="856"/>
        <source>Quick &amp;capture</source>
        <translation>快速記錄(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="859"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="860"/>
        <source>&amp;Fit to content</source>
        <translation>顯示全部內容(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="861"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="862"/>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="864"/>
        <source>F&amp;ull screen</source>
        <translation>全螢幕(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="866"/>
        <source>&amp;Projector mode</source>
        <translation>投影模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="870"/>
        <source>&amp;History</source>
        <translation>歷程(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="875"/>
        <source>&amp;Board</source>
        <translation>白板(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="876"/>
        <source>&amp;Add board…</source>
        <translation>新增白板(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="878"/>
        <source>&amp;Rename board…</source>
        <translation>重新命名白板(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="881"/>
        <source>&amp;Delete board</source>
        <translation>刪除白板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="885"/>
        <source>&amp;Next board</source>
        <translation>下一個白板(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="889"/>
        <source>&amp;Previous board</source>
        <translation>上一個白板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="919"/>
        <source>&amp;Undo: %1</source>
        <translation>復原(&amp;U)：%1</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="919"/>
        <source>&amp;Redo: %1</source>
        <translation>重做(&amp;R)：%1</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="940"/>
        <source>Changes not saved</source>
        <translation>變更尚未儲存</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="942"/>
        <source>The workshop file could not be written and some changes exist only in memory. Quit anyway and lose them?</source>
        <translation>無法寫入工作坊檔案，有些變更只存在記憶體中。仍要結束並捨棄這些變更嗎？</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="55"/>
        <source>Import boards from another workshop</source>
        <translation>從其他工作坊匯入分組</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="61"/>
        <source>No workshop file chosen</source>
        <translation>尚未選擇工作坊檔案</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="62"/>
        <source>Choose a file…</source>
        <translation>選擇檔案…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="67"/>
        <source>Select all</source>
        <translation>全選</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="79"/>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="91"/>
        <source>Import boards from</source>
        <translation>選擇要匯入白板的工作坊</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="91"/>
        <source>Workshops (*.pofacil)</source>
        <translation>工作坊檔案 (*.pofacil)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="101"/>
        <source>Cannot import from this file</source>
        <translation>無法從這個檔案匯入</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="109"/>
        <source>%1 (1 note)</source>
        <translation>%1（1 張便利貼）</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="109"/>
        <source>%1 (%2 notes)</source>
        <translation>%1（%2 張便利貼）</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="156"/>
        <source>%1 deleted notes on these boards are left out.</source>
        <translation>這些白板上已刪除的 %1 張便利貼不會匯入。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="170"/>
        <location filename="../../pofacil/ui/merge_dialog.py" line="179"/>
        <location filename="../../pofacil/ui/merge_dialog.py" line="186"/>
        <source>Cannot import these boards</source>
        <translation>無法匯入這些白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="190"/>
        <source>Boards imported</source>
        <translation>白板已匯入</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="201"/>
        <source>Imported %1 board(s) with %2 note(s) from %3:</source>
        <translation>已從 %3 匯入 %1 個白板，共 %2 張便利貼：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="209"/>
        <source>• %1, renamed %2 because that name was taken</source>
        <translation>• %1，因為名稱已有人使用，改名為 %2</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="214"/>
        <source>%1 deleted note(s) were left out.</source>
        <translation>已刪除的 %1 張便利貼沒有匯入。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="217"/>
        <source>Undo (Ctrl+Z) removes all of them in one step.</source>
        <translation>按「復原」（Ctrl+Z）可一次移除全部匯入的白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/merge_dialog.py" line="221"/>
        <source>%1 point(s) of its room&apos;s inbox came along (waiting or set aside); they stay in the inbox when the boards are undone.</source>
        <translation>它的收件匣中 %1 則現場意見（待處理或已擱置）也一併帶入；復原這些白板時，意見仍留在收件匣。</translation>
    </message>
</context>
<context>
    <name>NoteHistoryDialog</name>
    <message>
        <location filename="../../pofacil/ui/history_panel.py" line="86"/>
        <source>History of a note</source>
        <translation>便利貼的歷程</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/history_panel.py" line="93"/>
        <source>Texts this note has had:</source>
        <translation>這張便利貼曾有的文字：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/history_panel.py" line="99"/>
        <source>Restore this text</source>
        <translation>還原這段文字</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/history_panel.py" line="117"/>
        <source> (now)</source>
        <translation>（目前）</translation>
    </message>
</context>
<context>
    <name>OpenRoomDialog</name>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="182"/>
        <location filename="../../pofacil/ui/room_panel.py" line="212"/>
        <source>Open the room</source>
        <translation>開放現場手機發言</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="187"/>
        <source>Participants on the same network (this laptop&apos;s hotspot or the room&apos;s router) open the address on their phones and send points. Nothing leaves the room.</source>
        <translation>與會者連上同一個網路（這台筆電的熱點或現場的路由器），用手機開啟網址就能送出意見。資料不會離開現場。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="194"/>
        <source>Network</source>
        <translation>網路</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="197"/>
        <source>%1 (this computer only)</source>
        <translation>%1（只限這台電腦）</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="206"/>
        <source>Points go straight onto the board (no inbox)</source>
        <translation>意見直接貼上白板（不經收件匣）</translation>
    </message>
</context>
<context>
    <name>OutlineImport</name>
    <message>
        <location filename="../../pofacil/ui/outline_import.py" line="40"/>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/outline_import.py" line="41"/>
        <source>Some lines of %1 look like “Name: point”.</source>
        <translation>%1 有幾行看起來像「發言者: 重點」。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/outline_import.py" line="46"/>
        <source>Read “Name: point” as the speaker and the point</source>
        <translation>把「發言者: 重點」讀成發言者和重點</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/outline_import.py" line="72"/>
        <source>the pasted text</source>
        <translation>貼上的文字</translation>
    </message>
</context>
<context>
    <name>PaletteDock</name>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="37"/>
        <source>Kinds</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="47"/>
        <source>Set the kind of the selected notes and of new notes</source>
        <translation>設定所選便利貼與新便利貼的類型</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="80"/>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="86"/>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="87"/>
        <source>The new language is used the next time pofacil starts.</source>
        <translation>新的語言會在下次啟動 pofacil 時生效。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="90"/>
        <source>Your name in the history:</source>
        <translation>歷程中的名字：</translation>
    </message>
</context>
<context>
    <name>RoomActions</name>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="304"/>
        <source>Open the roo&amp;m…</source>
        <translation>開放現場手機發言(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="306"/>
        <source>Close the room</source>
        <translation>關閉現場手機發言</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="309"/>
        <source>In&amp;box</source>
        <translation>收件匣(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="310"/>
        <source>Show the room&apos;s QR co&amp;de</source>
        <translation>顯示現場的 QR Code(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="350"/>
        <location filename="../../pofacil/ui/room_panel.py" line="363"/>
        <source>The room cannot open</source>
        <translation>無法開放現場手機發言</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="351"/>
        <source>Points need a workshop file that can be written; this one cannot.</source>
        <translation>手機送來的意見要寫入工作坊檔案，但這個檔案無法寫入。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="364"/>
        <source>Cannot listen on %1: %2</source>
        <translation>無法在 %1 接收連線：%2</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="399"/>
        <source>Inbox: %1</source>
        <translation>收件匣：%1</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="234"/>
        <source>Send your point from your phone</source>
        <translation>用手機送出你的意見</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="255"/>
        <source>Room code %1</source>
        <translation>房間代碼 %1</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/room_panel.py" line="263"/>
        <source>Inbox: %1</source>
        <translation>收件匣：%1</translation>
    </message>
</context>
<context>
    <name>StartVoteDialog</name>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="54"/>
        <source>Start a vote</source>
        <translation>開始投票</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="58"/>
        <source>The whole board</source>
        <translation>整個白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="59"/>
        <source>One cell:</source>
        <translation>一個格子：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="66"/>
        <source>The %1 selected notes</source>
        <translation>選取的 %1 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="84"/>
        <source>Votes per person:</source>
        <translation>每人票數：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="86"/>
        <source>At most one vote per note from each phone</source>
        <translation>每支手機在同一張便利貼最多投一票</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="88"/>
        <source>Hide the totals until they are revealed</source>
        <translation>揭曉前不顯示票數</translation>
    </message>
</context>
<context>
    <name>TimerControls</name>
    <message>
        <location filename="../../pofacil/ui/timer.py" line="242"/>
        <source>&amp;Timer</source>
        <translation>計時器(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/timer.py" line="246"/>
        <source>%1 minutes</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/timer.py" line="249"/>
        <source>Other &amp;length…</source>
        <translation>其他長度(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/timer.py" line="252"/>
        <source>&amp;Start / pause</source>
        <translation>開始／暫停(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/timer.py" line="254"/>
        <source>&amp;One more minute</source>
        <translation>再加 1 分鐘(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/timer.py" line="256"/>
        <source>S&amp;top timer</source>
        <translation>停止計時(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/timer.py" line="281"/>
        <source>Timer</source>
        <translation>計時器</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/timer.py" line="282"/>
        <source>Minutes (for example 7 or 7:30):</source>
        <translation>分鐘數（例如 7 或 7:30）：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/timer.py" line="290"/>
        <source>Type minutes, or minutes:seconds, up to 24 hours (for example 7:30).</source>
        <translation>請輸入分鐘數，或「分:秒」，最長 24 小時（例如 7:30）。</translation>
    </message>
</context>
<context>
    <name>VoteMode</name>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="113"/>
        <source>Facilitation</source>
        <translation>主持工具</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="116"/>
        <source>&amp;Vote</source>
        <translation>投票(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="117"/>
        <source>&amp;Start a vote…</source>
        <translation>開始投票(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="118"/>
        <source>&amp;Vote mode</source>
        <translation>投票模式(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="120"/>
        <source>&amp;Reveal votes</source>
        <translation>揭曉票數(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="121"/>
        <source>&amp;Close vote</source>
        <translation>結束投票(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="122"/>
        <source>S&amp;ort by votes</source>
        <translation>依票數排序(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="211"/>
        <source>VOTE MODE · no vote is open on this board: start one</source>
        <translation>投票模式 · 這個白板沒有進行中的投票：請先開始投票</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="212"/>
        <source>totals hidden</source>
        <translation>票數未揭曉</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="212"/>
        <source>totals shown</source>
        <translation>票數已揭曉</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="214"/>
        <source>VOTE MODE · click a note to add a vote, Shift+click to take one back</source>
        <translation>投票模式 · 點便利貼加一票，Shift+點一下收回一票</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="216"/>
        <source>%1 per person</source>
        <translation>每人 %1 票</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="283"/>
        <source>No vote is open on this board: start one first.</source>
        <translation>這個白板沒有進行中的投票：請先開始投票。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="292"/>
        <source>✓ Vote taken back</source>
        <translation>✓ 已收回一票</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/vote_mode.py" line="292"/>
        <source>✓ Vote recorded</source>
        <translation>✓ 已記下一票</translation>
    </message>
</context>
<context>
    <name>WorkshopDetailsDialog</name>
    <message>
        <location filename="../../pofacil/ui/workshop_details.py" line="30"/>
        <source>Workshop details</source>
        <translation>工作坊資料</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/workshop_details.py" line="39"/>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/workshop_details.py" line="40"/>
        <source>Date (YYYY-MM-DD):</source>
        <translation>日期（YYYY-MM-DD）：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/workshop_details.py" line="41"/>
        <source>Venue:</source>
        <translation>地點：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/workshop_details.py" line="42"/>
        <source>Facilitator:</source>
        <translation>主持人：</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../pofacil/ui/app.py" line="41"/>
        <source>sample workshop</source>
        <translation>範例工作坊</translation>
    </message>
</context>
<context>
    <name>crash_log</name>
    <message>
        <location filename="../../pofacil/ui/crash_log.py" line="87"/>
        <source>pofacil ran into an unexpected problem: %1</source>
        <translation>pofacil 發生了意外問題：%1</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/crash_log.py" line="90"/>
        <source>Every change shown as Saved is safe in the workshop file.</source>
        <translation>所有顯示為「已儲存」的變更，都安全地保存在工作坊檔案裡。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/crash_log.py" line="94"/>
        <source>The details are in this log file; you can send it to whoever supports you:
%1</source>
        <translation>詳細資訊記錄在這個記錄檔，可以寄給協助您的人：
%1</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/crash_log.py" line="99"/>
        <source>The details could not be written to a log file.</source>
        <translation>詳細資訊無法寫入記錄檔。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/crash_log.py" line="103"/>
        <source>Unexpected problem</source>
        <translation>發生意外問題</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="77"/>
        <location filename="../../pofacil/board/storage/header.py" line="49"/>
        <source>{path} cannot be read: {reason}.</source>
        <translation>無法讀取 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="81"/>
        <source>{path} is UTF-16 text; save it as UTF-8 and import it again.</source>
        <translation>{path} 是 UTF-16 編碼的文字；請另存為 UTF-8 後再匯入一次。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="88"/>
        <source>{path} is not UTF-8 text (line {line}); save it as UTF-8 (in Excel: CSV UTF-8) and import it again.</source>
        <translation>{path} 不是 UTF-8 編碼的文字（第 {line} 行）；請另存為 UTF-8（在 Excel 中選「CSV UTF-8（逗號分隔）」）後再匯入一次。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="97"/>
        <source>{path} is not a text file: it holds a NUL character (line {line}).</source>
        <translation>{path} 不是文字檔：裡面有 NUL 字元（第 {line} 行）。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="123"/>
        <source>the time &apos;{value}&apos; has no date and the workshop has none; set the workshop&apos;s date (pofacil set FILE --date YYYY-MM-DD) or write the date too</source>
        <translation>時間「{value}」沒有日期，工作坊也沒有設定日期；請設定工作坊日期（pofacil set 檔案 --date YYYY-MM-DD），或把日期一起寫上</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="134"/>
        <source>&apos;{value}&apos; in created is not a time; write 2026-11-20T10:42 or 10:42</source>
        <translation>created 欄的「{value}」不是時間；請寫成 2026-11-20T10:42 或 10:42</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="167"/>
        <source>The header line cannot be read: {reason}.</source>
        <translation>無法讀取標題列：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="171"/>
        <source>The first line must be a header naming the columns, with a &apos;text&apos; column (known columns: {known}); found: {found}.</source>
        <translation>第一行必須是列出欄位名稱的標題列，而且要有「text」欄（可用的欄位：{known}）；實際讀到：{found}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="179"/>
        <source>Unknown or repeated column(s) {cols}; the known columns are {known}.</source>
        <translation>無法辨識或重複的欄位：{cols}；可用的欄位有：{known}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="199"/>
        <source>a field is longer than {limit} characters</source>
        <translation>有欄位超過 {limit} 個字元</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="208"/>
        <source>the CSV cannot be read: {reason}</source>
        <translation>無法讀取這個 CSV：{reason}</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="219"/>
        <source>a quote (&quot;) opens here and is never closed, so the rest of the file would be one note</source>
        <translation>這裡開始的引號（&quot;）沒有結束，檔案其餘的內容會全部變成一張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="233"/>
        <source>{count} fields, the header has {header}</source>
        <translation>有 {count} 個欄位，但標題列有 {header} 個</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="245"/>
        <source>unknown board &apos;{board}&apos;</source>
        <translation>沒有名為「{board}」的白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="275"/>
        <source>the id &apos;{id}&apos; is used twice</source>
        <translation>id「{id}」用了兩次</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="282"/>
        <source>a note cannot be its own parent</source>
        <translation>便利貼不能是自己的上層</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="286"/>
        <source>the parent &apos;{parent}&apos; is no row&apos;s id</source>
        <translation>上層「{parent}」不是任何一列的 id</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="292"/>
        <source>the parent &apos;{parent}&apos; is on another board</source>
        <translation>上層「{parent}」在另一個白板上</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="337"/>
        <source>unknown kind &apos;{kind}&apos;</source>
        <translation>無法辨識的類型「{kind}」</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="348"/>
        <source>unknown cell &apos;{cell}&apos; on board {board}</source>
        <translation>白板「{board}」上沒有「{cell}」這個格子</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="369"/>
        <source>bad number in {column}: &apos;{value}&apos;</source>
        <translation>{column} 欄的數字有誤：「{value}」</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="468"/>
        <source>not a bullet or a heading (start it with &apos;- &apos;)</source>
        <translation>不是項目符號或標題（請以「- 」開頭）</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="498"/>
        <source>{path}: pofacil imports .csv, .txt and .md files.</source>
        <translation>{path}：pofacil 只能匯入 .csv、.txt 和 .md 檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/importers.py" line="526"/>
        <source>{path} has no notes to import.</source>
        <translation>{path} 裡沒有可以匯入的便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/minutes.py" line="280"/>
        <location filename="../../pofacil/board/formats/pdf/export.py" line="167"/>
        <source>Unknown language {language}; use zh or en.</source>
        <translation>不明的語言 {language}；請用 zh 或 en。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/pdf/export.py" line="163"/>
        <source>Unknown paper size {paper}; use A4 or A3.</source>
        <translation>不明的紙張大小 {paper}；請用 A4 或 A3。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/pdf/export.py" line="165"/>
        <source>Unknown PDF layout {mode}; use auto, fit or tile.</source>
        <translation>不明的 PDF 版面 {mode}；請用 auto、fit 或 tile。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/pdf/export.py" line="170"/>
        <source>The workshop has no boards to export.</source>
        <translation>這個工作坊沒有可匯出的白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/formats/pdf/plan.py" line="135"/>
        <source>Board {board} would take more than {limit} pages when tiled; fit it on one page instead, or move its notes closer together.</source>
        <translation>白板「{board}」分頁列印會超過 {limit} 頁；請改為縮放成一頁，或把便利貼移得近一些。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/errors.py" line="14"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/errors.py" line="51"/>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/errors.py" line="68"/>
        <source>{source}: nothing imported, {count} bad rows, the first {shown}: {lines}</source>
        <translation>{source}：未匯入任何內容，有 {count} 列有問題，前 {shown} 列：{lines}</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/errors.py" line="76"/>
        <source>{source}: nothing imported, {count} bad row(s): {lines}</source>
        <translation>{source}：未匯入任何內容，有 {count} 列有問題：{lines}</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/limits.py" line="64"/>
        <source>A position must be a number from -{max} to {max}, not {value}.</source>
        <translation>位置必須是 -{max} 到 {max} 之間的數字，不能是 {value}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/limits.py" line="78"/>
        <source>A note cannot be smaller than {low} x {low} or larger than {high} x {high}, not {w} x {h}.</source>
        <translation>便利貼不能小於 {low} x {low} 或大於 {high} x {high}，不能是 {w} x {h}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/limits.py" line="96"/>
        <source>Votes must be a whole number from 0 to {max}, not {value}.</source>
        <translation>票數必須是 0 到 {max} 之間的整數，不能是 {value}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/limits.py" line="108"/>
        <source>A note&apos;s order must be a whole number from 0 to {max}, not {value}.</source>
        <translation>便利貼的順序必須是 0 到 {max} 的整數，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/limits.py" line="120"/>
        <source>The text contains a character that is not allowed (U+{code}).</source>
        <translation>文字裡有不允許的字元（U+{code}）。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/limits.py" line="130"/>
        <source>A text can be at most {max} characters long; this one has {count}.</source>
        <translation>文字最多 {max} 個字；這段有 {count} 個字。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/limits.py" line="161"/>
        <source>This vote round cannot be stored: {reason}.</source>
        <translation>這次投票無法儲存：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/templates.py" line="123"/>
        <source>Unknown template {id}; the templates are: {ids}.</source>
        <translation>無法辨識的範本 {id}；可用的範本：{ids}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/workshop.py" line="419"/>
        <source>There is no board with id {id}.</source>
        <translation>找不到 ID 為 {id} 的白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/workshop.py" line="427"/>
        <source>There is no board named {name}; the boards are: {names}.</source>
        <translation>沒有名為「{name}」的白板；現有的白板：{names}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/workshop.py" line="435"/>
        <source>There is no note with id {id}.</source>
        <translation>找不到 ID 為 {id} 的便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/workshop.py" line="535"/>
        <source>Board {name} still has notes.</source>
        <translation>白板「{name}」上還有便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/workshop.py" line="551"/>
        <source>A cell removed from board {name} still has notes.</source>
        <translation>白板「{name}」上要移除的格子裡還有便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/workshop.py" line="588"/>
        <source>Unknown entity {entity}.</source>
        <translation>無法辨識的資料類別 {entity}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/boards.py" line="48"/>
        <source>Rows cannot be added to board {name}.</source>
        <translation>白板「{name}」不能新增列。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/boards.py" line="98"/>
        <source>Board {name} has no such row or column.</source>
        <translation>白板「{name}」沒有這一列或這一欄。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/boards.py" line="109"/>
        <location filename="../../pofacil/board/ops/breakout.py" line="139"/>
        <location filename="../../pofacil/board/ops/notes.py" line="82"/>
        <source>Board {board} has no cell {cell}.</source>
        <translation>白板「{board}」沒有「{cell}」這個格子。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/boards.py" line="182"/>
        <source>The central topic has no siblings; add a child instead.</source>
        <translation>中心主題沒有同層項目；請改為新增子項目。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/breakout.py" line="142"/>
        <source>Choose at least one cell to send to a breakout.</source>
        <translation>請至少選一格送往分組討論。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/inbox.py" line="50"/>
        <source>This point is already on the board.</source>
        <translation>這則意見已經在白板上了。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/inbox.py" line="52"/>
        <source>This point was set aside; put it back first.</source>
        <translation>這則意見已擱置，請先放回收件匣。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/inbox.py" line="55"/>
        <source>Board {name} was deleted; choose another board.</source>
        <translation>白板「{name}」已刪除，請選擇其他白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/inbox.py" line="83"/>
        <location filename="../../pofacil/board/ops/notes.py" line="56"/>
        <source>Nothing to change.</source>
        <translation>沒有需要變更的內容。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/merge.py" line="84"/>
        <source>{source} has no board named {name}; its boards are: {names}.</source>
        <translation>{source} 裡沒有名為「{name}」的白板；其中的白板：{names}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/merge.py" line="104"/>
        <source>{source} has no boards to merge.</source>
        <translation>{source} 裡沒有可以合併的白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="63"/>
        <source>No notes selected.</source>
        <translation>沒有選取任何便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="70"/>
        <source>A note needs some text.</source>
        <translation>便利貼需要有文字內容。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="76"/>
        <source>Unknown note kind {kind}.</source>
        <translation>無法辨識的便利貼類型 {kind}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="133"/>
        <location filename="../../pofacil/board/ops/notes.py" line="230"/>
        <location filename="../../pofacil/board/ops/notes.py" line="341"/>
        <source>Board {board} has no such cluster.</source>
        <translation>白板「{board}」沒有這個群組。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="163"/>
        <source>A link needs two notes on the same board.</source>
        <translation>連線需要同一個白板上的兩張便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="189"/>
        <source>This board is full; put the notes on a new board.</source>
        <translation>這個白板已經滿了；請把便利貼放到新的白板上。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="384"/>
        <source>A link joins two different notes on the same board.</source>
        <translation>連線只能連接同一個白板上兩張不同的便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="388"/>
        <source>These notes are already linked.</source>
        <translation>這兩張便利貼已經連線了。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="429"/>
        <location filename="../../pofacil/board/ops/notes.py" line="457"/>
        <source>There is already a board named {name}.</source>
        <translation>已經有名為「{name}」的白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="464"/>
        <source>The new order must list every board once.</source>
        <translation>新的排列順序必須列出每個白板各一次。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="517"/>
        <source>{date} is not a date; write the workshop&apos;s day as YYYY-MM-DD, e.g. 2026-11-20.</source>
        <translation>{date} 不是日期；請以 YYYY-MM-DD 寫下工作坊的日期，例如 2026-11-20。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/notes.py" line="528"/>
        <source>There is no {entity} with id {id}.</source>
        <translation>找不到 ID 為 {id} 的 {entity}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="108"/>
        <source>There is no vote round with id {id}.</source>
        <translation>找不到代號為 {id} 的投票。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="187"/>
        <source>A vote is already open on board {name}; close it first.</source>
        <translation>白板「{name}」已有進行中的投票；請先結束它。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="189"/>
        <source>Unknown vote scope {scope}.</source>
        <translation>不明的投票範圍 {scope}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="191"/>
        <source>Votes per person must be a whole number from 1 to {max}.</source>
        <translation>每人票數必須是 1 到 {max} 的整數。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="195"/>
        <source>Votes per note must be a whole number from 0 (no limit) to the votes per person.</source>
        <translation>每張便利貼的票數上限必須是 0（不限）到每人票數之間的整數。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="202"/>
        <source>Choose one or more cells of board {name} to vote on.</source>
        <translation>請選擇白板「{name}」上要投票的格子。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="208"/>
        <source>Choose notes of board {name} to vote on.</source>
        <translation>請選擇白板「{name}」上要投票的便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="220"/>
        <source>There are no notes to vote on here.</source>
        <translation>這裡沒有可以投票的便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="227"/>
        <source>This vote is closed; open a new one to vote again.</source>
        <translation>這次投票已結束；要再投票請開始新的投票。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="234"/>
        <source>A vote comes from the lead or from a device (device:ID), not {source}.</source>
        <translation>一票只能來自桌長或某個裝置（device:ID），不能是 {source}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="246"/>
        <source>This note is not part of the vote.</source>
        <translation>這張便利貼不在這次投票的範圍內。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="248"/>
        <source>All {count} votes are spent; take one back to vote again.</source>
        <translation>{count} 票都已投完；收回一票才能再投。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="259"/>
        <source>At most {count} vote(s) may go on one note.</source>
        <translation>同一張便利貼最多只能投 {count} 票。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="272"/>
        <source>This note has no vote to take back.</source>
        <translation>這張便利貼沒有可以收回的票。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="283"/>
        <source>The votes are already shown.</source>
        <translation>票數已經揭曉。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="304"/>
        <source>Close the vote before sorting by votes.</source>
        <translation>請先結束投票，再依票數排序。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="307"/>
        <source>Sorting by votes orders the notes within cells; these notes are in none.</source>
        <translation>依票數排序是在格子內排序；這些便利貼不在任何格子裡。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops/votes.py" line="319"/>
        <source>The notes are already in order of votes.</source>
        <translation>便利貼已經依票數排好了。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/atomic.py" line="85"/>
        <location filename="../../pofacil/board/storage/atomic.py" line="105"/>
        <location filename="../../pofacil/board/storage/store.py" line="386"/>
        <location filename="../../pofacil/board/storage/store.py" line="390"/>
        <source>Could not write {path}: {reason}.</source>
        <translation>無法寫入 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/atomic.py" line="101"/>
        <location filename="../../pofacil/board/storage/store.py" line="96"/>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} 已經存在；請換一個名稱。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/connection.py" line="46"/>
        <location filename="../../pofacil/board/storage/connection.py" line="68"/>
        <source>{path} cannot be opened: {reason}.</source>
        <translation>無法開啟 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/connection.py" line="63"/>
        <source>{path} is in use by another program; close it there and try again.</source>
        <translation>{path} 正被另一個程式使用；請先在那裡關閉，再試一次。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/connection.py" line="73"/>
        <location filename="../../pofacil/board/storage/rows.py" line="95"/>
        <location filename="../../pofacil/board/storage/rows.py" line="100"/>
        <location filename="../../pofacil/board/storage/rows.py" line="104"/>
        <location filename="../../pofacil/board/storage/store.py" line="187"/>
        <source>{path} is damaged: {reason}.</source>
        <translation>{path} 已損毀：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/connection.py" line="118"/>
        <source>{path} was not closed properly (a crash or power cut during a change) and must be recovered before it can be read: copy it together with the files beside it whose names start with {name} to a disk you can write to, and open it there in pofacil.</source>
        <translation>{path} 上次沒有正常關閉（變更進行中當機或斷電），必須先復原才能讀取：請把它和旁邊名稱以 {name} 開頭的檔案一起複製到可以寫入的磁碟，再用 pofacil 在那裡開啟。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/connection.py" line="126"/>
        <source>{path} was not closed properly (a crash or power cut during a change) and must be recovered before it can be read: open it in pofacil for writing once; the unfinished change is rolled back and every finished one kept.</source>
        <translation>{path} 上次沒有正常關閉（變更進行中當機或斷電），必須先復原才能讀取：請用 pofacil 以可寫入的方式開啟一次；未完成的那項變更會被取消，所有已完成的變更都會保留。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/connection.py" line="156"/>
        <source>The file name {name} is too long for this disk: pofacil needs to keep a file named after it with &apos;-journal&apos; added, so use a name of at most {limit} bytes.</source>
        <translation>檔名 {name} 對這個磁碟來說太長了：pofacil 需要在旁邊放一個檔名後面加上「-journal」的檔案，所以檔名最多只能有 {limit} 個位元組。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/header.py" line="36"/>
        <source>{path} is a folder, not a workshop file.</source>
        <translation>{path} 是資料夾，不是工作坊檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/header.py" line="38"/>
        <source>{path} is not a regular file (a pipe, socket or device), so it is not a workshop file.</source>
        <translation>{path} 不是一般檔案（而是管道、通訊端或裝置），因此不是工作坊檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/header.py" line="47"/>
        <source>{path}: no such file.</source>
        <translation>{path}：找不到這個檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/header.py" line="53"/>
        <source>{path} is empty, not a pofacil workshop.</source>
        <translation>{path} 是空的檔案，不是 pofacil 工作坊。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/header.py" line="55"/>
        <source>{path} is not a pofacil workshop file.</source>
        <translation>{path} 不是 pofacil 工作坊檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/header.py" line="59"/>
        <source>{path} is a database of another program, not a pofacil workshop.</source>
        <translation>{path} 是其他程式的資料庫，不是 pofacil 工作坊。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/header.py" line="65"/>
        <source>{path} is damaged: its file format version is {found}.</source>
        <translation>{path} 已損毀：檔案格式版本為 {found}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/header.py" line="69"/>
        <source>{path} was written by a newer pofacil (file format {found}, this version reads up to {supported}); please update pofacil.</source>
        <translation>{path} 是由較新版的 pofacil 儲存的（檔案格式 {found}，此版本最多只能讀取格式 {supported}）；請更新 pofacil。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/header.py" line="87"/>
        <source>{path} is damaged: the file is truncated ({size} of {expected} bytes).</source>
        <translation>{path} 已損毀：檔案不完整（只有 {size} 位元組，應有 {expected} 位元組）。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/history.py" line="79"/>
        <location filename="../../pofacil/board/storage/history.py" line="104"/>
        <source>A history line is damaged ({reason}).</source>
        <translation>有一筆歷史紀錄已損毀（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/history.py" line="107"/>
        <location filename="../../pofacil/board/storage/store.py" line="253"/>
        <source>History line {id} of {path} is damaged ({reason}); it cannot be listed, undone or redone.</source>
        <translation>{path} 的第 {id} 筆歷史紀錄已損毀（{reason}）；無法列出、復原或重做。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/other_file.py" line="67"/>
        <source>{path} is the workshop itself; choose the file of another workshop to merge.</source>
        <translation>{path} 就是目前這個工作坊；請選擇另一個工作坊的檔案來合併。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/other_file.py" line="72"/>
        <source>{path} is open in another pofacil window; close it there first, so that every note it has is merged.</source>
        <translation>{path} 正在另一個 pofacil 視窗中開啟；請先在那裡關閉，才能合併其中所有的便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/other_file.py" line="85"/>
        <location filename="../../pofacil/board/storage/store.py" line="197"/>
        <source>{path} is damaged ({reason}); &apos;pofacil check&apos; lists the problems.</source>
        <translation>{path} 已損毀（{reason}）；執行「pofacil check」可列出問題。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="113"/>
        <source>{path} cannot be written here (read-only file, folder or disk); open it read-only or save a copy elsewhere.</source>
        <translation>無法在這裡寫入 {path}（檔案、資料夾或磁碟是唯讀的）；請以唯讀方式開啟，或將複本另存到其他位置。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="121"/>
        <source>{path} is open in another pofacil window; close it there, or open it read-only.</source>
        <translation>{path} 已在另一個 pofacil 視窗中開啟；請先在那裡關閉，或以唯讀方式開啟。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="133"/>
        <source>{path} uses an older file format; open it for writing once to upgrade it.</source>
        <translation>{path} 使用舊版的檔案格式；請以一般（非唯讀）方式開啟一次，完成格式升級。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="210"/>
        <source>{path}: {count} damaged row(s) could not be read and are left out ({rows}); the file keeps them unchanged and &apos;pofacil check&apos; lists them.</source>
        <translation>{path}：有 {count} 筆損毀的資料無法讀取，已略過（{rows}）；檔案中的這些資料維持原樣，執行「pofacil check」可列出全部。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="328"/>
        <source>A copy cannot replace the open workshop itself.</source>
        <translation>複本不能覆蓋目前開啟的這個工作坊檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="346"/>
        <source>Could not save a copy to {path}: {reason}.</source>
        <translation>無法將複本儲存到 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="352"/>
        <source>This workshop is open read-only; nothing can be changed.</source>
        <translation>這個工作坊是以唯讀方式開啟的，無法做任何變更。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="366"/>
        <source>{path} was deleted or moved while it was open, so changes can no longer be saved to it.</source>
        <translation>{path} 在開啟期間被刪除或移走了，變更已無法再儲存到這個檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="381"/>
        <source>{path} is in use by another program, so this change could not be saved; close that program.</source>
        <translation>{path} 正被另一個程式使用，這項變更無法儲存；請關閉那個程式。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="396"/>
        <source>This change could not be stored ({reason}) and was not made.</source>
        <translation>這項變更無法儲存（{reason}），因此沒有套用。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/store.py" line="514"/>
        <location filename="../../pofacil/board/storage/store.py" line="520"/>
        <source>Could not create {path}: {reason}.</source>
        <translation>無法建立 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/user_templates.py" line="23"/>
        <source>A template needs a name.</source>
        <translation>範本需要名稱。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/storage/user_templates.py" line="31"/>
        <source>Could not save the template to {path}: {reason}.</source>
        <translation>無法將範本儲存到 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>changes</name>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="44"/>
        <location filename="../../pofacil/board/model/change.py" line="45"/>
        <source>add {count} note</source>
        <translation>新增 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="44"/>
        <location filename="../../pofacil/board/model/change.py" line="45"/>
        <source>add {count} notes</source>
        <translation>新增 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="46"/>
        <source>import {count} note</source>
        <translation>匯入 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="46"/>
        <source>import {count} notes</source>
        <translation>匯入 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="47"/>
        <source>edit a note&apos;s text</source>
        <translation>編輯便利貼文字</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="48"/>
        <source>set the speaker</source>
        <translation>設定發言者</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="49"/>
        <source>move {count} note</source>
        <translation>移動 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="49"/>
        <source>move {count} notes</source>
        <translation>移動 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="50"/>
        <source>resize a note</source>
        <translation>調整便利貼大小</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="51"/>
        <source>change the kind of {count} note</source>
        <translation>變更 {count} 張便利貼的類型</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="51"/>
        <source>change the kind of {count} notes</source>
        <translation>變更 {count} 張便利貼的類型</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="52"/>
        <source>move {count} note to a cell</source>
        <translation>將 {count} 張便利貼移到格子</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="52"/>
        <source>move {count} notes to a cell</source>
        <translation>將 {count} 張便利貼移到格子</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="53"/>
        <source>reorder {count} note in its cell</source>
        <translation>調整 {count} 張便利貼在格子裡的順序</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="53"/>
        <source>reorder {count} notes in their cell</source>
        <translation>調整 {count} 張便利貼在格子裡的順序</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="54"/>
        <source>group {count} note</source>
        <translation>將 {count} 張便利貼組成群組</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="54"/>
        <source>group {count} notes</source>
        <translation>將 {count} 張便利貼組成群組</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="55"/>
        <source>ungroup {count} note</source>
        <translation>將 {count} 張便利貼移出群組</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="55"/>
        <source>ungroup {count} notes</source>
        <translation>將 {count} 張便利貼移出群組</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="56"/>
        <source>rename a group</source>
        <translation>重新命名群組</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="57"/>
        <source>link two notes</source>
        <translation>連結兩張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="58"/>
        <source>remove a link</source>
        <translation>移除連結</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="59"/>
        <source>delete {count} note</source>
        <translation>刪除 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="59"/>
        <source>delete {count} notes</source>
        <translation>刪除 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="60"/>
        <source>restore {count} note</source>
        <translation>還原 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="60"/>
        <source>restore {count} notes</source>
        <translation>還原 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="61"/>
        <source>copy {count} note to a board</source>
        <translation>將 {count} 張便利貼複製到白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="61"/>
        <source>copy {count} notes to a board</source>
        <translation>將 {count} 張便利貼複製到白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="62"/>
        <source>turn {count} note into a need</source>
        <translation>將 {count} 張便利貼轉為需求</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="62"/>
        <source>turn {count} notes into needs</source>
        <translation>將 {count} 張便利貼轉為需求</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="63"/>
        <source>fold {count} branch</source>
        <translation>收合 {count} 個分支</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="63"/>
        <source>fold {count} branches</source>
        <translation>收合 {count} 個分支</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="64"/>
        <source>unfold {count} branch</source>
        <translation>展開 {count} 個分支</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="64"/>
        <source>unfold {count} branches</source>
        <translation>展開 {count} 個分支</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="65"/>
        <source>add a branch</source>
        <translation>新增分支</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="66"/>
        <source>lay out the mind map</source>
        <translation>整理心智圖</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="67"/>
        <source>add a row</source>
        <translation>新增一列</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="68"/>
        <source>rename a row or column</source>
        <translation>重新命名列或欄</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="69"/>
        <source>send cells to breakouts</source>
        <translation>送往分組討論</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="70"/>
        <source>add a board</source>
        <translation>新增白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="71"/>
        <source>rename a board</source>
        <translation>重新命名白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="72"/>
        <source>reorder the boards</source>
        <translation>調整白板順序</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="73"/>
        <source>delete a board</source>
        <translation>刪除白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="74"/>
        <source>change the workshop details</source>
        <translation>變更工作坊資訊</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="75"/>
        <source>open a vote</source>
        <translation>開始投票</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="76"/>
        <source>vote for a note</source>
        <translation>投一票</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="77"/>
        <source>take back a vote</source>
        <translation>收回一票</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="78"/>
        <source>reveal the votes</source>
        <translation>揭曉票數</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="79"/>
        <source>close the vote</source>
        <translation>結束投票</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="80"/>
        <source>sort {count} note by votes</source>
        <translation>依票數排序 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="80"/>
        <source>sort {count} notes by votes</source>
        <translation>依票數排序 {count} 張便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="82"/>
        <source>merged {count} board from {detail}</source>
        <translation>從 {detail} 合併了 {count} 個白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="82"/>
        <source>merged {count} boards from {detail}</source>
        <translation>從 {detail} 合併了 {count} 個白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="85"/>
        <source>accept {count} point from the room</source>
        <translation>採用 {count} 則現場意見</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="86"/>
        <source>accept {count} points from the room</source>
        <translation>採用 {count} 則現場意見</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="88"/>
        <source>{count} point from the room</source>
        <translation>{count} 則現場意見</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="88"/>
        <source>{count} points from the room</source>
        <translation>{count} 則現場意見</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="89"/>
        <source>set a point aside</source>
        <translation>擱置一則意見</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="90"/>
        <source>put a point back in the inbox</source>
        <translation>把一則意見放回收件匣</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="92"/>
        <source>{count} point of the room merged from another workshop</source>
        <translation>從另一個工作坊併入 {count} 則現場意見</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model/change.py" line="93"/>
        <source>{count} points of the room merged from another workshop</source>
        <translation>從另一個工作坊併入 {count} 則現場意見</translation>
    </message>
</context>
</TS>
