"""Traditional Chinese (Taiwan) for pofacil's English UI strings: source text -> translation.

update_translations.py copies these into assets/translations/pofacil_zh_TW.ts wherever a
string has no finished translation yet. One dict, keyed by the exact English source, so a
reviewer can read source and translation side by side.

Conventions (terms from /work/shared/DOMAIN.md and what Taiwanese government users see in
Windows and Office):
- board 白板, note 便利貼, group 群組, kind 類型, workshop 工作坊, template 範本,
  quick capture 快速記錄, projector mode 投影模式, speaker 發言者, copy (file) 複本,
  save 儲存, undo 復原, redo 重做, read-only 唯讀.
- Menu mnemonics in the Windows style, after the text: 檔案(&F). A "&" on a Chinese character
  cannot be typed. The letter follows the English one except where the English menu has a
  clash (Edit menu: &Undo / D&uplicate, &Copy / Quick &capture); there the Chinese menu
  picks a free letter so every Alt key works.
- The ellipsis "…" stays, after the mnemonic: 開啟(&O)….
- {placeholders} and %1 stay verbatim; full-width punctuation （）：；「」 around them.
"""

TRANSLATIONS: dict[str, str] = {
    # -- menus: File ---------------------------------------------------------------------
    "&File": "檔案(&F)",
    "&New workshop…": "新增工作坊(&N)…",
    "&Open…": "開啟(&O)…",
    "Open &recent": "最近開啟(&R)",
    "Save a &copy…": "另存複本(&C)…",
    "&Preferences…": "偏好設定(&P)…",
    "&Quit": "結束(&Q)",
    # -- menus: Edit ---------------------------------------------------------------------
    "&Edit": "編輯(&E)",
    "&Undo": "復原(&U)",
    "&Redo": "重做(&R)",
    "&Copy": "複製(&C)",
    "&Paste": "貼上(&P)",
    "D&uplicate": "再製一份(&I)",  # English clashes with &Undo on Alt+U
    "&Delete": "刪除(&D)",
    "&Edit note": "編輯便利貼(&E)",
    "Select &all": "全選(&A)",
    "&Group…": "組成群組(&G)…",
    "U&ngroup": "解散群組(&N)",
    "Deleted notes…": "已刪除的便利貼…",
    "&Find…": "搜尋(&F)…",
    "Quick &capture": "快速記錄(&Q)",  # English clashes with &Copy on Alt+C
    # -- menus: View ---------------------------------------------------------------------
    "&View": "檢視(&V)",
    "&Fit to content": "顯示全部內容(&F)",
    "Zoom &in": "放大(&I)",
    "Zoom &out": "縮小(&O)",
    "F&ull screen": "全螢幕(&U)",
    "&Projector mode": "投影模式(&P)",
    # -- menus: Board --------------------------------------------------------------------
    "&Board": "白板(&B)",
    "&Add board…": "新增白板(&A)…",
    "&Rename board…": "重新命名白板(&R)…",
    "&Delete board": "刪除白板(&D)",
    # -- main window: status bar and messages ---------------------------------------------
    "Read-only": "唯讀",
    "Saved": "已儲存",
    "NOT SAVED: save a copy elsewhere": "未儲存：請將複本另存到其他位置",
    "The workshop file cannot be written": "無法寫入工作坊檔案",
    # Names the menu path as the Chinese menus read: 檔案 > 另存複本.
    "Your changes are kept in memory. Use File > Save a Copy to save them somewhere else.": "您的變更暫時保留在記憶體中。請用「檔案 > 另存複本」把它們儲存到其他位置。",
    "A workshop keeps at least one board.": "工作坊至少要保留一個白板。",
    "Board deleted; Undo brings it back.": "白板已刪除；按「復原」可以找回來。",
    "Changes not saved": "變更尚未儲存",
    "The workshop file could not be written and some changes exist only in memory. "
    "Quit anyway and lose them?": "無法寫入工作坊檔案，有些變更只存在記憶體中。仍要結束並捨棄這些變更嗎？",
    "Copy saved.": "複本已儲存。",
    # -- main window: dialogs --------------------------------------------------------------
    "Add a board": "新增白板",
    "Template:": "範本：",
    "Rename board": "重新命名白板",
    "Board name:": "白板名稱：",
    "Group": "群組",  # dialog title and the default name of a new group
    "Group name:": "群組名稱：",
    "Rename group": "重新命名群組",
    "New note": "新便利貼",  # the text of a note created by double-clicking the board
    "Kind": "類型",  # context-menu submenu listing the note kinds
    "New workshop": "新增工作坊",
    "Open workshop": "開啟工作坊",
    "Workshops (*.pofacil)": "工作坊檔案 (*.pofacil)",  # file-dialog filter: keep the pattern
    "Title:": "標題：",
    "Cannot create": "無法建立",
    "Save a copy": "另存複本",
    "Cannot save a copy": "無法另存複本",
    "Workshop in use": "工作坊檔案使用中",
    "Open it read-only?": "要以唯讀方式開啟嗎？",
    "Opened read-only": "已用唯讀方式開啟",
    "It is open read-only: you can look, present and export, and File > Save a copy… makes a "
    "copy you can change.": "已用唯讀方式開啟：可以檢視、投影和匯出；「檔案 > 另存複本…」可以另存一份能修改的複本。",
    "Cannot open": "無法開啟",
    # -- find bar --------------------------------------------------------------------------
    "Find:": "搜尋：",
    "Find notes": "搜尋便利貼",
    "Next": "下一個",
    "%1 found": "找到 %1 筆",
    # -- quick capture ---------------------------------------------------------------------
    "Capture:": "快速記錄：",
    'Type a point and press Enter; "Speaker: point" sets who said it': "輸入重點後按 Enter；寫成「發言者：重點」可註明是誰說的",
    "Speaker: %1": "發言者：%1",
    # -- palette, preferences, deleted notes ----------------------------------------------
    "Kinds": "類型",
    "Set the kind of the selected notes and of new notes": "設定所選便利貼與新便利貼的類型",
    "Preferences": "偏好設定",
    "Language:": "語言：",
    "The new language is used the next time pofacil starts.": "新的語言會在下次啟動 pofacil 時生效。",
    "Deleted notes": "已刪除的便利貼",
    "Restore": "還原",
    # -- errors from the core (context "errors"); {placeholders} are filled in afterwards ---
    "{reason}": "{reason}",
    "{source}: nothing imported, {count} bad row(s): {lines}": "{source}：未匯入任何內容，有 {count} 列有問題：{lines}",
    "{source}: nothing imported, {count} bad rows, the first {shown}: {lines}": "{source}：未匯入任何內容，有 {count} 列有問題，前 {shown} 列：{lines}",
    "; ": "；",  # between the problems of an import error
    "line {line}: {reason}": "第 {line} 行：{reason}",
    "a field is longer than {limit} characters": "有欄位超過 {limit} 個字元",
    "the CSV cannot be read: {reason}": "無法讀取這個 CSV：{reason}",
    'a quote (") opens here and is never closed, so the rest of the file would be one note': '這裡開始的引號（"）沒有結束，檔案其餘的內容會全部變成一張便利貼',
    "{count} fields, the header has {header}": "有 {count} 個欄位，但標題列有 {header} 個",
    "unknown board '{board}'": "沒有名為「{board}」的白板",
    "the id '{id}' is used twice": "id「{id}」用了兩次",
    "a note cannot be its own parent": "便利貼不能是自己的上層",
    "the parent '{parent}' is no row's id": "上層「{parent}」不是任何一列的 id",
    "the parent '{parent}' is on another board": "上層「{parent}」在另一個白板上",
    "unknown kind '{kind}'": "無法辨識的類型「{kind}」",
    "unknown cell '{cell}' on board {board}": "白板「{board}」上沒有「{cell}」這個格子",
    "bad number in {column}: '{value}'": "{column} 欄的數字有誤：「{value}」",
    "not a bullet or a heading (start it with '- ')": "不是項目符號或標題（請以「- 」開頭）",
    "A position must be a number from -{max} to {max}, not {value}.": "位置必須是 -{max} 到 {max} 之間的數字，不能是 {value}。",
    "A note cannot be smaller than {low} x {low} or larger than {high} x {high}, "
    "not {w} x {h}.": "便利貼不能小於 {low} x {low} 或大於 {high} x {high}，不能是 {w} x {h}。",
    "A note's order must be a whole number from 0 to {max}, not {value}.": "便利貼的順序必須是 0 到 {max} 的整數，而不是 {value}。",
    "Votes must be a whole number from 0 to {max}, not {value}.": "票數必須是 0 到 {max} 之間的整數，不能是 {value}。",
    "The text contains a character that is not allowed (U+{code}).": "文字裡有不允許的字元（U+{code}）。",
    "A text can be at most {max} characters long; this one has {count}.": "文字最多 {max} 個字；這段有 {count} 個字。",
    "This board is full; put the notes on a new board.": "這個白板已經滿了；請把便利貼放到新的白板上。",
    "{path} cannot be read: {reason}.": "無法讀取 {path}：{reason}。",
    "{path} is UTF-16 text; save it as UTF-8 and import it again.": "{path} 是 UTF-16 編碼的文字；請另存為 UTF-8 後再匯入一次。",
    "{path} is not UTF-8 text (line {line}); save it as UTF-8 (in Excel: CSV UTF-8) and "
    "import it again.": "{path} 不是 UTF-8 編碼的文字（第 {line} 行）；請另存為 UTF-8"
    "（在 Excel 中選「CSV UTF-8（逗號分隔）」）後再匯入一次。",
    "{path} is not a text file: it holds a NUL character (line {line}).": "{path} 不是文字檔：裡面有 NUL 字元（第 {line} 行）。",
    "The header line cannot be read: {reason}.": "無法讀取標題列：{reason}。",
    "The first line must be a header naming the columns, with a 'text' column "
    "(known columns: {known}); found: {found}.": "第一行必須是列出欄位名稱的標題列，而且要有「text」欄（可用的欄位：{known}）；"
    "實際讀到：{found}。",
    "Unknown or repeated column(s) {cols}; the known columns are {known}.": "無法辨識或重複的欄位：{cols}；可用的欄位有：{known}。",
    "{path}: pofacil imports .csv, .txt and .md files.": "{path}：pofacil 只能匯入 .csv、.txt 和 .md 檔案。",
    "{path} has no notes to import.": "{path} 裡沒有可以匯入的便利貼。",
    "There is no board with id {id}.": "找不到 ID 為 {id} 的白板。",
    "There is no board named {name}; the boards are: {names}.": "沒有名為「{name}」的白板；現有的白板：{names}。",
    "There is no note with id {id}.": "找不到 ID 為 {id} 的便利貼。",
    "Board {name} still has notes.": "白板「{name}」上還有便利貼。",
    "A cell removed from board {name} still has notes.": "白板「{name}」上要移除的格子裡還有便利貼。",
    "Unknown entity {entity}.": "無法辨識的資料類別 {entity}。",
    "Nothing to change.": "沒有需要變更的內容。",
    "No notes selected.": "沒有選取任何便利貼。",
    "A note needs some text.": "便利貼需要有文字內容。",
    "Unknown note kind {kind}.": "無法辨識的便利貼類型 {kind}。",
    "Board {board} has no cell {cell}.": "白板「{board}」沒有「{cell}」這個格子。",
    "Board {board} has no such cluster.": "白板「{board}」沒有這個群組。",
    "A link needs two notes on the same board.": "連線需要同一個白板上的兩張便利貼。",
    "A link joins two different notes on the same board.": "連線只能連接同一個白板上兩張不同的便利貼。",
    "These notes are already linked.": "這兩張便利貼已經連線了。",
    "There is already a board named {name}.": "已經有名為「{name}」的白板。",
    "The new order must list every board once.": "新的排列順序必須列出每個白板各一次。",
    "There is no {entity} with id {id}.": "找不到 ID 為 {id} 的 {entity}。",
    "{path}: no such file.": "{path}：找不到這個檔案。",
    "{path} is a folder, not a workshop file.": "{path} 是資料夾，不是工作坊檔案。",
    "{path} is empty, not a pofacil workshop.": "{path} 是空的檔案，不是 pofacil 工作坊。",
    "{path} is not a pofacil workshop file.": "{path} 不是 pofacil 工作坊檔案。",
    "{path} is a database of another program, not a pofacil workshop.": "{path} 是其他程式的資料庫，不是 pofacil 工作坊。",
    "{path} was written by a newer pofacil (file format {found}, this version reads up to "
    "{supported}); please update pofacil.": "{path} 是由較新版的 pofacil 儲存的（檔案格式 {found}，此版本最多只能讀取格式 "
    "{supported}）；請更新 pofacil。",
    "{path} is damaged: the file is truncated ({size} of {expected} bytes).": "{path} 已損毀：檔案不完整（只有 {size} 位元組，應有 {expected} 位元組）。",
    "{path} already exists; choose another name.": "{path} 已經存在；請換一個名稱。",
    "{path} cannot be written here (read-only file, folder or disk); open it read-only or "
    "save a copy elsewhere.": "無法在這裡寫入 {path}（檔案、資料夾或磁碟是唯讀的）；請以唯讀方式開啟，"
    "或將複本另存到其他位置。",
    "{path} was deleted or moved while it was open, so changes can no longer be saved to it.": "{path} 在開啟期間被刪除或移走了，變更已無法再儲存到這個檔案。",
    "{path} is in use by another program, so this change could not be saved; close that "
    "program.": "{path} 正被另一個程式使用，這項變更無法儲存；請關閉那個程式。",
    "This change could not be stored ({reason}) and was not made.": "這項變更無法儲存（{reason}），因此沒有套用。",
    "{path} is in use by another program; close it there and try again.": "{path} 正被另一個程式使用；請先在那裡關閉，再試一次。",
    "{path} was not closed properly (a crash or power cut during a change) and must be "
    "recovered before it can be read: copy it together with the files beside it whose names "
    "start with {name} to a disk you can write to, and open it there in pofacil.": "{path} 上次沒有正常關閉（變更進行中當機或斷電），必須先復原才能讀取：請把它和旁邊"
    "名稱以 {name} 開頭的檔案一起複製到可以寫入的磁碟，再用 pofacil 在那裡開啟。",
    "{path} was not closed properly (a crash or power cut during a change) and must be "
    "recovered before it can be read: open it in pofacil for writing once; the unfinished "
    "change is rolled back and every finished one kept.": "{path} 上次沒有正常關閉（變更進行中當機或斷電），必須先復原才能讀取：請用 pofacil "
    "以可寫入的方式開啟一次；未完成的那項變更會被取消，所有已完成的變更都會保留。",
    "The file name {name} is too long for this disk: pofacil needs to keep a file named "
    "after it with '-journal' added, so use a name of at most {limit} bytes.": "檔名 {name} 對這個磁碟來說太長了：pofacil 需要在旁邊放一個檔名後面加上「-journal」"
    "的檔案，所以檔名最多只能有 {limit} 個位元組。",
    "{path} is open in another pofacil window; close it there, or open it read-only.": "{path} 已在另一個 pofacil 視窗中開啟；請先在那裡關閉，或以唯讀方式開啟。",
    "{path} uses an older file format; open it for writing once to upgrade it.": "{path} 使用舊版的檔案格式；請以一般（非唯讀）方式開啟一次，完成格式升級。",
    "{path} is damaged ({reason}); 'pofacil check' lists the problems.": "{path} 已損毀（{reason}）；執行「pofacil check」可列出問題。",
    "A copy cannot replace the open workshop itself.": "複本不能覆蓋目前開啟的這個工作坊檔案。",
    "Could not save a copy to {path}: {reason}.": "無法將複本儲存到 {path}：{reason}。",
    "This workshop is open read-only; nothing can be changed.": "這個工作坊是以唯讀方式開啟的，無法做任何變更。",
    "Could not write {path}: {reason}.": "無法寫入 {path}：{reason}。",
    "{path} cannot be opened: {reason}.": "無法開啟 {path}：{reason}。",
    "{path} is damaged: {reason}.": "{path} 已損毀：{reason}。",
    "{path} is not a regular file (a pipe, socket or device), so it is not a workshop file.": "{path} 不是一般檔案（而是管道、通訊端或裝置），因此不是工作坊檔案。",
    "{path} is damaged: its file format version is {found}.": "{path} 已損毀：檔案格式版本為 {found}。",
    "{path}: {count} damaged row(s) could not be read and are left out ({rows}); the file "
    "keeps them unchanged and 'pofacil check' lists them.": "{path}：有 {count} 筆損毀的資料無法讀取，已略過（{rows}）；檔案中的這些資料維持原樣，"
    "執行「pofacil check」可列出全部。",
    "History line {id} of {path} is damaged ({reason}); it cannot be listed, undone or "
    "redone.": "{path} 的第 {id} 筆歷史紀錄已損毀（{reason}）；無法列出、復原或重做。",
    "A history line is damaged ({reason}).": "有一筆歷史紀錄已損毀（{reason}）。",
    "Board {board} would take more than {limit} pages when tiled; fit it on one page "
    "instead, or move its notes closer together.": "白板「{board}」分頁列印會超過 {limit} 頁；請改為縮放成一頁，或把便利貼移得近一些。",
    "Could not create {path}: {reason}.": "無法建立 {path}：{reason}。",
    "Unknown template {id}; the templates are: {ids}.": "無法辨識的範本 {id}；可用的範本：{ids}。",
    # -- starting the app ------------------------------------------------------------------
    "sample workshop": "範例工作坊",
    # -- unexpected errors (crash_log.py) ----------------------------------------------------
    "Unexpected problem": "發生意外問題",
    "pofacil ran into an unexpected problem: %1": "pofacil 發生了意外問題：%1",
    "Every change shown as Saved is safe in the workshop file.": "所有顯示為「已儲存」的變更，都安全地保存在工作坊檔案裡。",
    "The details are in this log file; you can send it to whoever supports you:\n%1": "詳細資訊記錄在這個記錄檔，可以寄給協助您的人：\n%1",
    "The details could not be written to a log file.": "詳細資訊無法寫入記錄檔。",
    # -- templates: board structure, breakouts, mind maps -----------------------------------
    "Add a &row": "新增一列(&R)",
    "&Heat map": "熱度圖(&H)",
    "Send cells to &breakout…": "送往分組討論(&B)…",
    "&Lay out mind map": "整理心智圖(&L)",
    "Some lines of %1 look like “Name: point”.": "%1 有幾行看起來像「發言者: 重點」。",
    "Read “Name: point” as the speaker and the point": "把「發言者: 重點」讀成發言者和重點",
    "the pasted text": "貼上的文字",
    "Import": "匯入",
    "Save board as &template…": "將白板存為範本(&T)…",
    "Turn into &need": "轉為需求(&N)",
    "Collapse or expand branch": "收合或展開分支",
    "Copy to board": "複製到白板",
    "%1 breakout board(s) created.": "已建立 %1 張分組白板。",
    "Save board as template": "將白板存為範本",
    "Template name:": "範本名稱：",
    "Cannot save the template": "無法儲存範本",
    "Template saved.": "範本已儲存。",
    "New idea": "新想法",
    "Rename": "重新命名",
    "Label:": "標籤：",
    "Send to breakout": "送往分組討論",
    "%1 (%2 notes)": "%1（%2 張便利貼）",
    "Rows cannot be added to board {name}.": "白板「{name}」不能新增列。",
    "Board {name} has no such row or column.": "白板「{name}」沒有這一列或這一欄。",
    "Choose at least one cell to send to a breakout.": "請至少選一格送往分組討論。",
    "The central topic has no siblings; add a child instead.": "中心主題沒有同層項目；請改為新增子項目。",
    "A template needs a name.": "範本需要名稱。",
    "Could not save the template to {path}: {reason}.": "無法將範本儲存到 {path}：{reason}。",
    # -- export ------------------------------------------------------------------------------
    "Exporting…": "匯出中…",
    "Cancel": "取消",
    "Cannot export": "無法匯出",
    "Export": "匯出",
    "PDF for the report": "PDF（供會議報告）",
    "PNG image": "PNG 圖片",
    "Markdown minutes": "Markdown 紀錄",
    "CSV minutes": "CSV 紀錄",
    "Format:": "格式：",
    "Boards:": "白板：",
    "Paper:": "紙張：",
    "Automatic": "自動",
    "Fit to one page": "縮放成一頁",
    "Tile across pages": "分頁拼貼",
    "Layout:": "版面：",
    "Append the meeting record": "附上會議紀錄",
    "PNG scale:": "PNG 倍率：",
    "Exported": "已匯出",
    "Open the file": "開啟檔案",
    "&Export…": "匯出(&X)…",
    "Export &all boards as PDF": "將所有白板匯出為 PDF(&A)",
    "Unknown language {language}; use zh or en.": "不明的語言 {language}；請用 zh 或 en。",
    "Unknown paper size {paper}; use A4 or A3.": "不明的紙張大小 {paper}；請用 A4 或 A3。",
    "Unknown PDF layout {mode}; use auto, fit or tile.": "不明的 PDF 版面 {mode}；請用 auto、fit 或 tile。",
    "The workshop has no boards to export.": "這個工作坊沒有可匯出的白板。",
    # -- Undo and Redo: what they will do (context "changes", {count} filled in after) ------
    "&Undo: %1": "復原(&U)：%1",
    "&Redo: %1": "重做(&R)：%1",
    "add {count} note": "新增 {count} 張便利貼",
    "add {count} notes": "新增 {count} 張便利貼",
    "import {count} note": "匯入 {count} 張便利貼",
    "import {count} notes": "匯入 {count} 張便利貼",
    "edit a note's text": "編輯便利貼文字",
    "set the speaker": "設定發言者",
    "move {count} note": "移動 {count} 張便利貼",
    "move {count} notes": "移動 {count} 張便利貼",
    "resize a note": "調整便利貼大小",
    "change the kind of {count} note": "變更 {count} 張便利貼的類型",
    "change the kind of {count} notes": "變更 {count} 張便利貼的類型",
    "move {count} note to a cell": "將 {count} 張便利貼移到格子",
    "move {count} notes to a cell": "將 {count} 張便利貼移到格子",
    "reorder {count} note in its cell": "調整 {count} 張便利貼在格子裡的順序",
    "reorder {count} notes in their cell": "調整 {count} 張便利貼在格子裡的順序",
    "group {count} note": "將 {count} 張便利貼組成群組",
    "group {count} notes": "將 {count} 張便利貼組成群組",
    "ungroup {count} note": "將 {count} 張便利貼移出群組",
    "ungroup {count} notes": "將 {count} 張便利貼移出群組",
    "rename a group": "重新命名群組",
    "link two notes": "連結兩張便利貼",
    "remove a link": "移除連結",
    "delete {count} note": "刪除 {count} 張便利貼",
    "delete {count} notes": "刪除 {count} 張便利貼",
    "restore {count} note": "還原 {count} 張便利貼",
    "restore {count} notes": "還原 {count} 張便利貼",
    "copy {count} note to a board": "將 {count} 張便利貼複製到白板",
    "copy {count} notes to a board": "將 {count} 張便利貼複製到白板",
    "turn {count} note into a need": "將 {count} 張便利貼轉為需求",
    "turn {count} notes into needs": "將 {count} 張便利貼轉為需求",
    "fold {count} branch": "收合 {count} 個分支",
    "fold {count} branches": "收合 {count} 個分支",
    "unfold {count} branch": "展開 {count} 個分支",
    "unfold {count} branches": "展開 {count} 個分支",
    "add a branch": "新增分支",
    "lay out the mind map": "整理心智圖",
    "add a row": "新增一列",
    "rename a row or column": "重新命名列或欄",
    "send cells to breakouts": "送往分組討論",
    "add a board": "新增白板",
    "rename a board": "重新命名白板",
    "reorder the boards": "調整白板順序",
    "delete a board": "刪除白板",
    "change the workshop details": "變更工作坊資訊",
}
