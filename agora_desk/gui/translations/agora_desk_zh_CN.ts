<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppContext</name>
    <message>
        <source>Copied; the clipboard is cleared in {seconds} s</source>
        <translation>已复制；剪贴板将在 {seconds} 秒后清除</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} 天 {hours} 小时</translation>
    </message>
</context>
<context>
    <name>CredentialsPanel</name>
    <message>
        <source>Credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>App &amp;ID:</source>
        <translation>App ID(&amp;I)：</translation>
    </message>
    <message>
        <source>App &amp;Certificate:</source>
        <translation>App 证书(&amp;C)：</translation>
    </message>
    <message>
        <source>32 hexadecimal characters from Agora Console</source>
        <translation>声网控制台中的 32 位十六进制字符</translation>
    </message>
    <message>
        <source>32 hex characters</source>
        <translation>32 位十六进制字符</translation>
    </message>
    <message>
        <source>Customer &amp;ID:</source>
        <translation>客户 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Customer &amp;Secret:</source>
        <translation>客户密钥(&amp;S)：</translation>
    </message>
    <message>
        <source>from Agora Console → RESTful API</source>
        <translation>见声网控制台 → RESTful API</translation>
    </message>
    <message>
        <source>downloaded once from the Console</source>
        <translation>从控制台下载（仅一次）</translation>
    </message>
    <message>
        <source>Primary App Certificate</source>
        <translation>主要 App 证书</translation>
    </message>
    <message>
        <source>Secondary App Certificate</source>
        <translation>次要 App 证书</translation>
    </message>
    <message>
        <source>Sign &amp;with:</source>
        <translation>签名使用(&amp;W)：</translation>
    </message>
    <message>
        <source>Typed for this session only; nothing is saved. Use Profiles… to keep them in the OS keyring.</source>
        <translation>仅用于本次会话，不会保存。如需保存到系统密钥环，请使用“配置…”。</translation>
    </message>
    <message>
        <source>Typed for this session only; nothing is saved (no keyring works here).</source>
        <translation>仅用于本次会话，不会保存（此处没有可用的密钥环）。</translation>
    </message>
    <message>
        <source>Profile “{name}” · App ID {app_id}
The {secret} is read from {where} when you generate.</source>
        <translation>配置“{name}” · App ID {app_id}
生成时从{where}读取{secret}。</translation>
    </message>
    <message>
        <source>(none saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>Profile “{name}” · Customer ID {customer}
The Customer Secret is read from {where} when you generate.</source>
        <translation>配置“{name}” · 客户 ID {customer}
生成时从{where}读取客户密钥。</translation>
    </message>
    <message>
        <source>reading the credentials</source>
        <translation>读取凭证</translation>
    </message>
    <message>
        <source>App ID is empty: pick a profile or type the App ID</source>
        <translation>App ID 为空：请选择一个配置，或输入 App ID</translation>
    </message>
    <message>
        <source>App Certificate is empty: type it, or pick a profile that has one</source>
        <translation>App 证书为空：请输入，或选择一个保存了 App 证书的配置</translation>
    </message>
    <message>
        <source>Customer ID is empty: type it, or pick a profile that has one</source>
        <translation>客户 ID 为空：请输入，或选择一个保存了客户 ID 的配置</translation>
    </message>
    <message>
        <source>profile {name!r} has no Customer ID; add it in Profiles…</source>
        <translation>配置 {name!r} 没有客户 ID；请在“配置…”中添加</translation>
    </message>
    <message>
        <source>Customer Secret is empty: type it, or pick a profile that has one</source>
        <translation>客户密钥为空：请输入，或选择一个保存了客户密钥的配置</translation>
    </message>
    <message>
        <source>profile {name!r} has no {secret} saved; add it in Profiles…</source>
        <translation>配置 {name!r} 没有保存{secret}；请在“配置…”中添加</translation>
    </message>
    <message>
        <source>profile {name!r} has no {secret} saved in this session (no keyring); add it in Profiles…</source>
        <translation>配置 {name!r} 在本次会话中没有保存{secret}（没有密钥环）；请在“配置…”中添加</translation>
    </message>
</context>
<context>
    <name>ExceptionHook</name>
    <message>
        <source>{summary}
(and {count} earlier)</source>
        <translation>{summary}
（此前还有 {count} 个）</translation>
    </message>
    <message>
        <source>agora-desk: unexpected error</source>
        <translation>agora-desk：意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside agora-desk. The window keeps running, but the last action may not have finished. Secrets are removed from the details below.</source>
        <translation>agora-desk 内部出错。窗口仍在运行，但上一个操作可能没有完成。下方详情中的密钥已被移除。</translation>
    </message>
</context>
<context>
    <name>ExpiryChooser</name>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>12 hours</source>
        <translation>12 小时</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>Same as token</source>
        <translation>与 Token 相同</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>From now; Agora&apos;s maximum is 24 h (86400 s)</source>
        <translation>从现在起算；声网上限为 24 小时（86400 秒）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>no limit of its own</source>
        <translation>自身不设期限</translation>
    </message>
</context>
<context>
    <name>ExpiryDisplay</name>
    <message>
        <source>{title}:</source>
        <translation>{title}：</translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation>无时间限制</translation>
    </message>
    <message>
        <source>{utc} (UTC) · Unix time {unix}</source>
        <translation>{utc}（UTC）· Unix 时间 {unix}</translation>
    </message>
    <message>
        <source>in {time}</source>
        <translation>{time}后</translation>
    </message>
    <message>
        <source>expired {time} ago</source>
        <translation>已于 {time}前过期</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>(none: type credentials)</source>
        <translation>（无：手动输入凭证）</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Pr&amp;ofile: </source>
        <translation>配置(&amp;O)：</translation>
    </message>
    <message>
        <source>The saved profile whose credentials the tabs use</source>
        <translation>各标签页使用其凭证的已保存配置</translation>
    </message>
    <message>
        <source>Add, edit or remove profiles</source>
        <translation>添加、编辑或删除配置</translation>
    </message>
    <message>
        <source>Hide this notice (secrets still stay in memory only)</source>
        <translation>隐藏此提示（密钥仍只保存在内存中）</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>关闭此消息</translation>
    </message>
    <message>
        <source>secrets are kept in memory only</source>
        <translation>密钥只保存在内存中</translation>
    </message>
    <message>
        <source>App ID {app_id}</source>
        <translation>App ID {app_id}</translation>
    </message>
    <message>
        <source>agora-desk — {profile}</source>
        <translation>agora-desk — {profile}</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <source>Session only — no keyring. Secrets you enter are kept in memory until agora-desk closes, never written to a file. Why: {reason}</source>
        <translation>仅限本次会话：没有密钥环。你输入的密钥只保存在内存中，直到 agora-desk 关闭，绝不会写入文件。原因：{reason}</translation>
    </message>
    <message>
        <source>{title}: {message}</source>
        <translation>{title}：{message}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Run the current tab&apos;s main action (Generate, Send, Start)</source>
        <translation>执行当前标签页的主操作（生成、发送、启动）</translation>
    </message>
    <message>
        <source>Copy the result of the current tab</source>
        <translation>复制当前标签页的结果</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+带下划线的字母</translation>
    </message>
    <message>
        <source>Go to that field or button</source>
        <translation>跳到对应的输入框或按钮</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;{number} {tab}</source>
        <translation>&amp;{number} {tab}</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>配置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Inspect the clipboard</source>
        <translation>检查剪贴板内容(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About agora-desk</source>
        <translation>关于 agora-desk(&amp;A)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>&lt;b&gt;agora-desk {version}&lt;/b&gt;&lt;br&gt;Agora tokens, REST credentials and test requests on your desktop.&lt;br&gt;Secrets stay in the OS keyring; copies are cleared from the clipboard.</source>
        <translation>&lt;b&gt;agora-desk {version}&lt;/b&gt;&lt;br&gt;在桌面上生成声网 Token、REST 凭证并发送测试请求。&lt;br&gt;密钥保存在系统密钥环中；复制到剪贴板的内容会被自动清除。</translation>
    </message>
    <message>
        <source>About agora-desk</source>
        <translation>关于 agora-desk</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to {what}?</source>
        <translation>保存对{what}的更改吗？</translation>
    </message>
    <message>
        <source>If you don&apos;t, what you typed is lost.</source>
        <translation>如果不保存，输入的内容将会丢失。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
</context>
<context>
    <name>Reporting</name>
    <message>
        <source>{doing} failed unexpectedly ({error})</source>
        <translation>{doing}时意外失败（{error}）</translation>
    </message>
</context>
<context>
    <name>ResultBox</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy ({shortcut})</source>
        <translation>复制（{shortcut}）</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <source>✓ Copied</source>
        <translation>✓ 已复制</translation>
    </message>
    <message>
        <source>✓ Clipboard cleared</source>
        <translation>✓ 剪贴板已清除</translation>
    </message>
    <message>
        <source>Clipboard holds something else now</source>
        <translation>剪贴板现在是别的内容</translation>
    </message>
    <message>
        <source>✓ Copied · cleared in {seconds} s</source>
        <translation>✓ 已复制 · {seconds} 秒后清除</translation>
    </message>
</context>
<context>
    <name>ServerIndicator</name>
    <message>
        <source>Token server</source>
        <translation>Token 服务器</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Show the Token server tab</source>
        <translation>显示“Token 服务器”标签页</translation>
    </message>
    <message>
        <source>Stop the token server</source>
        <translation>停止 Token 服务器</translation>
    </message>
    <message>
        <source>● serving :{port}</source>
        <translation>● 服务中 :{port}</translation>
    </message>
    <message>
        <source>● serving</source>
        <translation>● 服务中</translation>
    </message>
    <message>
        <source>The token server runs at {url}: click to open it</source>
        <translation>Token 服务器运行于 {url}：点击打开</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The language of the window and of the messages; System follows the desktop&apos;s language</source>
        <translation>窗口和消息使用的语言；“跟随系统”使用桌面的语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>never (not recommended)</source>
        <translation>从不（不推荐）</translation>
    </message>
    <message>
        <source>A copied token or secret is cleared from the clipboard after this time, if the clipboard still holds it</source>
        <translation>复制的 Token 或密钥在这段时间后从剪贴板清除（如果剪贴板中仍是它）</translation>
    </message>
    <message>
        <source>C&amp;lear copied secrets after:</source>
        <translation>复制的密钥清除时间(&amp;L)：</translation>
    </message>
    <message>
        <source>Default token e&amp;xpiry:</source>
        <translation>默认 Token 有效期(&amp;X)：</translation>
    </message>
    <message>
        <source>Default &amp;privilege expiry:</source>
        <translation>默认权限有效期(&amp;P)：</translation>
    </message>
    <message>
        <source>REST &amp;base URL:</source>
        <translation>REST 基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>REST &amp;timeout:</source>
        <translation>REST 超时(&amp;T)：</translation>
    </message>
    <message>
        <source>optional: a PEM file with extra CA certificates</source>
        <translation>可选：包含额外 CA 证书的 PEM 文件</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>浏览(&amp;O)…</translation>
    </message>
    <message>
        <source>Extra &amp;CA file:</source>
        <translation>额外 CA 文件(&amp;C)：</translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation>额外 CA 证书</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>default token expiry</source>
        <translation>默认 Token 有效期</translation>
    </message>
    <message>
        <source>default privilege expiry</source>
        <translation>默认权限有效期</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>请先修正标红的字段。</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>RTC token</source>
        <translation>RTC Token</translation>
    </message>
    <message>
        <source>RTM token</source>
        <translation>RTM Token</translation>
    </message>
    <message>
        <source>More tokens</source>
        <translation>更多 Token</translation>
    </message>
    <message>
        <source>Basic credential</source>
        <translation>Basic 凭证</translation>
    </message>
    <message>
        <source>Test request</source>
        <translation>测试请求</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Token server</source>
        <translation>Token 服务器</translation>
    </message>
    <message>
        <source>The {tab} tab could not be opened ({error}). The other tabs still work.</source>
        <translation>无法打开“{tab}”标签页（{error}）。其他标签页仍可使用。</translation>
    </message>
</context>
<context>
    <name>ValidatedField</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide what is typed here</source>
        <translation>显示或隐藏此处输入的内容</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
</TS>
