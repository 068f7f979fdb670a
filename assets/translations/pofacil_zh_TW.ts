<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>CaptureBar</name>
    <message>
        <location filename="../../pofacil/ui/capture.py" line="33"/>
        <source>Capture:</source>
        <translation>快速記錄：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/capture.py" line="35"/>
        <source>Type a point and press Enter; &quot;Speaker: point&quot; sets who said it</source>
        <translation>輸入重點後按 Enter；寫成「發言者：重點」可註明是誰說的</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/capture.py" line="47"/>
        <source>Speaker: %1</source>
        <translation>發言者：%1</translation>
    </message>
</context>
<context>
    <name>DeletedNotesDialog</name>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="102"/>
        <source>Deleted notes</source>
        <translation>已刪除的便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="109"/>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="89"/>
        <location filename="../../pofacil/ui/main_window.py" line="236"/>
        <location filename="../../pofacil/ui/main_window.py" line="241"/>
        <source>Add a board</source>
        <translation>新增白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="161"/>
        <source>Read-only</source>
        <translation>唯讀</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="163"/>
        <source>Saved</source>
        <translation>已儲存</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="165"/>
        <source>NOT SAVED: save a copy elsewhere</source>
        <translation>未儲存：請將複本另存到其他位置</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="170"/>
        <source>The workshop file cannot be written</source>
        <translation>無法寫入工作坊檔案</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="172"/>
        <source>Your changes are kept in memory. Use File &gt; Save a Copy to save them somewhere else.</source>
        <translation>您的變更暫時保留在記憶體中。請用「檔案 &gt; 另存複本」把它們儲存到其他位置。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="217"/>
        <source>A workshop keeps at least one board.</source>
        <translation>工作坊至少要保留一個白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="220"/>
        <source>Board deleted; Undo brings it back.</source>
        <translation>白板已刪除；按「復原」可以找回來。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="226"/>
        <source>Rename board</source>
        <translation>重新命名白板</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="226"/>
        <location filename="../../pofacil/ui/main_window.py" line="241"/>
        <source>Board name:</source>
        <translation>白板名稱：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="236"/>
        <source>Template:</source>
        <translation>範本：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="292"/>
        <source>New note</source>
        <translation>新便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="330"/>
        <location filename="../../pofacil/ui/main_window.py" line="331"/>
        <source>Group</source>
        <translation>群組</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="330"/>
        <location filename="../../pofacil/ui/main_window.py" line="346"/>
        <source>Group name:</source>
        <translation>群組名稱：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="346"/>
        <source>Rename group</source>
        <translation>重新命名群組</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="47"/>
        <source>Cannot open</source>
        <translation>無法開啟</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="52"/>
        <source>Workshop in use</source>
        <translation>工作坊檔案使用中</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="54"/>
        <source>Open it read-only?</source>
        <translation>要以唯讀方式開啟嗎？</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="409"/>
        <source>Find notes</source>
        <translation>搜尋便利貼</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="413"/>
        <source>Next</source>
        <translation>下一個</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="418"/>
        <source>Find:</source>
        <translation>搜尋：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="450"/>
        <source>%1 found</source>
        <translation>找到 %1 筆</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="464"/>
        <location filename="../../pofacil/ui/main_window.py" line="469"/>
        <source>New workshop</source>
        <translation>新增工作坊</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="465"/>
        <location filename="../../pofacil/ui/main_window.py" line="480"/>
        <location filename="../../pofacil/ui/main_window.py" line="492"/>
        <source>Workshops (*.pofacil)</source>
        <translation>工作坊檔案 (*.pofacil)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="469"/>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="475"/>
        <source>Cannot create</source>
        <translation>無法建立</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="479"/>
        <source>Open workshop</source>
        <translation>開啟工作坊</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="490"/>
        <source>Save a copy</source>
        <translation>另存複本</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="498"/>
        <source>Copy saved.</source>
        <translation>複本已儲存。</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="505"/>
        <source>Cannot save a copy</source>
        <translation>無法另存複本</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="550"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="575"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="576"/>
        <source>&amp;New workshop…</source>
        <translation>新增工作坊(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="577"/>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="578"/>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="579"/>
        <source>Save a &amp;copy…</source>
        <translation>另存複本(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="582"/>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="583"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="585"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="586"/>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="587"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="590"/>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="591"/>
        <source>&amp;Paste</source>
        <translation>貼上(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="592"/>
        <source>D&amp;uplicate</source>
        <translation>再製一份(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="594"/>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="596"/>
        <source>&amp;Edit note</source>
        <translation>編輯便利貼(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="597"/>
        <source>Select &amp;all</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="601"/>
        <source>&amp;Group…</source>
        <translation>組成群組(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="603"/>
        <source>U&amp;ngroup</source>
        <translation>解散群組(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="605"/>
        <source>Deleted notes…</source>
        <translation>已刪除的便利貼…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="607"/>
        <source>&amp;Find…</source>
        <translation>搜尋(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="608"/>
        <source>Quick &amp;capture</source>
        <translation>快速記錄(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="611"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="612"/>
        <source>&amp;Fit to content</source>
        <translation>顯示全部內容(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="613"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="615"/>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="617"/>
        <source>F&amp;ull screen</source>
        <translation>全螢幕(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="618"/>
        <source>&amp;Projector mode</source>
        <translation>投影模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="622"/>
        <source>&amp;Board</source>
        <translation>白板(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="623"/>
        <source>&amp;Add board…</source>
        <translation>新增白板(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="624"/>
        <source>&amp;Rename board…</source>
        <translation>重新命名白板(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="626"/>
        <source>&amp;Delete board</source>
        <translation>刪除白板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="653"/>
        <source>Changes not saved</source>
        <translation>變更尚未儲存</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/main_window.py" line="654"/>
        <source>The workshop file could not be written and some changes exist only in memory. Quit anyway and lose them?</source>
        <translation>無法寫入工作坊檔案，有些變更只存在記憶體中。仍要結束並捨棄這些變更嗎？</translation>
    </message>
</context>
<context>
    <name>PaletteDock</name>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="34"/>
        <source>Kinds</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="44"/>
        <source>Set the kind of the selected notes and of new notes</source>
        <translation>設定所選便利貼與新便利貼的類型</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="76"/>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="82"/>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <location filename="../../pofacil/ui/dialogs.py" line="83"/>
        <source>The new language is used the next time pofacil starts.</source>
        <translation>新的語言會在下次啟動 pofacil 時生效。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../pofacil/ui/app.py" line="25"/>
        <source>sample workshop</source>
        <translation>範例工作坊</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../pofacil/board/errors.py" line="14"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/errors.py" line="50"/>
        <source>{source}: nothing imported, {count} bad row(s): {lines}{more}</source>
        <translation>{source}：未匯入任何內容，有 {count} 列有問題：{lines}{more}</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/importers.py" line="42"/>
        <location filename="../../pofacil/board/store.py" line="87"/>
        <source>{path} cannot be read: {reason}.</source>
        <translation>無法讀取 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/importers.py" line="45"/>
        <source>{path} is UTF-16 text; save it as UTF-8 and import it again.</source>
        <translation>{path} 是 UTF-16 編碼的文字；請另存為 UTF-8 後再匯入一次。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/importers.py" line="51"/>
        <source>{path} is not UTF-8 text (line {line}); save it as UTF-8 (in Excel: CSV UTF-8) and import it again.</source>
        <translation>{path} 不是 UTF-8 編碼的文字（第 {line} 行）；請另存為 UTF-8（在 Excel 中選「CSV UTF-8（逗號分隔）」）後再匯入一次。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/importers.py" line="55"/>
        <source>{path} is not a text file.</source>
        <translation>{path} 不是文字檔。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/importers.py" line="76"/>
        <source>The header line cannot be read: {reason}.</source>
        <translation>無法讀取標題列：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/importers.py" line="79"/>
        <source>The first line must be a header naming the columns, with a &apos;text&apos; column (known columns: {known}); found: {found}.</source>
        <translation>第一行必須是列出欄位名稱的標題列，而且要有「text」欄（可用的欄位：{known}）；實際讀到：{found}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/importers.py" line="85"/>
        <source>Unknown or repeated column(s) {cols}; the known columns are {known}.</source>
        <translation>無法辨識或重複的欄位：{cols}；可用的欄位有：{known}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/importers.py" line="213"/>
        <source>{path}: pofacil imports .csv, .txt and .md files.</source>
        <translation>{path}：pofacil 只能匯入 .csv、.txt 和 .md 檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/importers.py" line="224"/>
        <source>{path} has no notes to import.</source>
        <translation>{path} 裡沒有可以匯入的便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model.py" line="255"/>
        <source>There is no board with id {id}.</source>
        <translation>找不到 ID 為 {id} 的白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model.py" line="263"/>
        <source>There is no board named {name}; the boards are: {names}.</source>
        <translation>沒有名為「{name}」的白板；現有的白板：{names}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model.py" line="271"/>
        <source>There is no note with id {id}.</source>
        <translation>找不到 ID 為 {id} 的便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model.py" line="332"/>
        <source>Board {name} still has notes.</source>
        <translation>白板「{name}」上還有便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model.py" line="344"/>
        <source>A cell removed from board {name} still has notes.</source>
        <translation>白板「{name}」上要移除的格子裡還有便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/model.py" line="374"/>
        <source>Unknown entity {entity}.</source>
        <translation>無法辨識的資料類別 {entity}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="53"/>
        <source>Nothing to change.</source>
        <translation>沒有需要變更的內容。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="60"/>
        <source>No notes selected.</source>
        <translation>沒有選取任何便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="67"/>
        <source>A note needs some text.</source>
        <translation>便利貼需要有文字內容。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="73"/>
        <source>Unknown note kind {kind}.</source>
        <translation>無法辨識的便利貼類型 {kind}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="79"/>
        <source>Board {board} has no cell {cell}.</source>
        <translation>白板「{board}」沒有「{cell}」這個格子。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="123"/>
        <location filename="../../pofacil/board/ops.py" line="188"/>
        <location filename="../../pofacil/board/ops.py" line="241"/>
        <source>Board {board} has no such cluster.</source>
        <translation>白板「{board}」沒有這個群組。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="144"/>
        <source>A link needs two notes on the same board.</source>
        <translation>連線需要同一個白板上的兩張便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="201"/>
        <source>A note cannot be smaller than 40 x 30.</source>
        <translation>便利貼不能小於 40 x 30。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="276"/>
        <source>A link joins two different notes on the same board.</source>
        <translation>連線只能連接同一個白板上兩張不同的便利貼。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="280"/>
        <source>These notes are already linked.</source>
        <translation>這兩張便利貼已經連線了。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="310"/>
        <location filename="../../pofacil/board/ops.py" line="322"/>
        <source>There is already a board named {name}.</source>
        <translation>已經有名為「{name}」的白板。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="329"/>
        <source>The new order must list every board once.</source>
        <translation>新的排列順序必須列出每個白板各一次。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/ops.py" line="355"/>
        <source>There is no {entity} with id {id}.</source>
        <translation>找不到 ID 為 {id} 的 {entity}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="83"/>
        <source>{path}: no such file.</source>
        <translation>{path}：找不到這個檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="85"/>
        <source>{path} is a folder, not a workshop file.</source>
        <translation>{path} 是資料夾，不是工作坊檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="90"/>
        <source>{path} is empty, not a pofacil workshop.</source>
        <translation>{path} 是空的檔案，不是 pofacil 工作坊。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="92"/>
        <source>{path} is not a pofacil workshop file.</source>
        <translation>{path} 不是 pofacil 工作坊檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="96"/>
        <source>{path} is a database of another program, not a pofacil workshop.</source>
        <translation>{path} 是其他程式的資料庫，不是 pofacil 工作坊。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="100"/>
        <source>{path} was written by a newer pofacil (file format {found}, this version reads up to {supported}); please update pofacil.</source>
        <translation>{path} 是由較新版的 pofacil 儲存的（檔案格式 {found}，此版本最多只能讀取格式 {supported}）；請更新 pofacil。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="109"/>
        <source>{path} is damaged: the file is truncated ({size} of {expected} bytes).</source>
        <translation>{path} 已損毀：檔案不完整（只有 {size} 位元組，應有 {expected} 位元組）。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="138"/>
        <location filename="../../pofacil/board/store.py" line="427"/>
        <location filename="../../pofacil/board/store.py" line="431"/>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} 已經存在；請換一個名稱。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="150"/>
        <source>{path} cannot be written here (read-only file or folder); open it read-only or save a copy elsewhere.</source>
        <translation>無法在這裡寫入 {path}（檔案或資料夾是唯讀的）；請以唯讀方式開啟，或將複本另存到其他位置。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="155"/>
        <source>{path} is open in another pofacil window; close it there, or open it read-only.</source>
        <translation>{path} 已在另一個 pofacil 視窗中開啟；請先在那裡關閉，或以唯讀方式開啟。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="164"/>
        <source>{path} uses an older file format; open it for writing once to upgrade it.</source>
        <translation>{path} 使用舊版的檔案格式；請以一般（非唯讀）方式開啟一次，完成格式升級。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="201"/>
        <source>{path} is damaged ({reason}); &apos;pofacil check&apos; lists the problems.</source>
        <translation>{path} 已損毀（{reason}）；執行「pofacil check」可列出問題。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="262"/>
        <source>A copy cannot replace the open workshop itself.</source>
        <translation>複本不能覆蓋目前開啟的這個工作坊檔案。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="276"/>
        <source>Could not save a copy to {path}: {reason}.</source>
        <translation>無法將複本儲存到 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="282"/>
        <source>This workshop is open read-only; nothing can be changed.</source>
        <translation>這個工作坊是以唯讀方式開啟的，無法做任何變更。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="296"/>
        <source>Could not write {path}: {reason}.</source>
        <translation>無法寫入 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="385"/>
        <source>{path} cannot be opened: {reason}.</source>
        <translation>無法開啟 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="394"/>
        <location filename="../../pofacil/board/store.py" line="397"/>
        <source>{path} is damaged: {reason}.</source>
        <translation>{path} 已損毀：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="399"/>
        <source>{path} is damaged: table {table} is missing.</source>
        <translation>{path} 已損毀：缺少資料表 {table}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/store.py" line="408"/>
        <location filename="../../pofacil/board/store.py" line="435"/>
        <source>Could not create {path}: {reason}.</source>
        <translation>無法建立 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../pofacil/board/templates.py" line="46"/>
        <source>Unknown template {id}; the templates are: {ids}.</source>
        <translation>無法辨識的範本 {id}；可用的範本：{ids}。</translation>
    </message>
</context>
</TS>
