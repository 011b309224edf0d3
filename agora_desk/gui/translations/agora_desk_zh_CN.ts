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
        <source>in {time}</source>
        <translation>{time}后</translation>
    </message>
    <message>
        <source>expired {time} ago</source>
        <translation>已于 {time}前过期</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History (no secrets kept; replay rebuilds them from the profile)</source>
        <translation>历史记录（不保存密钥；重放时从配置重新生成）</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>重放(&amp;R)</translation>
    </message>
    <message>
        <source>Load into form</source>
        <translation>载入表单</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清空历史记录</translation>
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
    <name>RequestForm</name>
    <message>
        <source>Signaling &amp;user ID:</source>
        <translation>信令用户 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>the user ID or uid the token is for</source>
        <translation>Token 所属的用户 ID 或 uid</translation>
    </message>
    <message>
        <source>Channe&amp;l:</source>
        <translation>频道名(&amp;L)：</translation>
    </message>
    <message>
        <source>Agent &amp;uid:</source>
        <translation>智能体 uid(&amp;U)：</translation>
    </message>
    <message>
        <source>0 = random</source>
        <translation>0 = 随机</translation>
    </message>
    <message>
        <source>&amp;Remote uid:</source>
        <translation>远端 uid(&amp;R)：</translation>
    </message>
    <message>
        <source>* = every user in the channel</source>
        <translation>* = 频道内所有用户</translation>
    </message>
    <message>
        <source>Agent &amp;name:</source>
        <translation>智能体名称(&amp;N)：</translation>
    </message>
    <message>
        <source>unique agent name (generated when empty)</source>
        <translation>唯一的智能体名称（留空则自动生成）</translation>
    </message>
    <message>
        <source>enable_rtm (the token gets RTM login too)</source>
        <translation>enable_rtm（Token 同时可登录 RTM）</translation>
    </message>
    <message>
        <source>String uid (enable_string_uid; token for the account)</source>
        <translation>字符串 uid（enable_string_uid；Token 用于该 User Account）</translation>
    </message>
    <message>
        <source>Agent &amp;ID:</source>
        <translation>智能体 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>the agent_id that join returned</source>
        <translation>join 返回的 agent_id</translation>
    </message>
    <message>
        <source>Resource ID:</source>
        <translation>资源 ID：</translation>
    </message>
    <message>
        <source>the resourceId that acquire returned</source>
        <translation>acquire 返回的 resourceId</translation>
    </message>
    <message>
        <source>SID:</source>
        <translation>SID：</translation>
    </message>
    <message>
        <source>the sid that start returned</source>
        <translation>start 返回的 sid</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>individual, mix or web</source>
        <translation>individual、mix 或 web</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>用户 ID：</translation>
    </message>
    <message>
        <source>the user in the path</source>
        <translation>路径中的用户</translation>
    </message>
    <message>
        <source>Rule ID:</source>
        <translation>规则 ID：</translation>
    </message>
    <message>
        <source>the kicking rule&apos;s id</source>
        <translation>踢人规则的 ID</translation>
    </message>
    <message>
        <source>Org name:</source>
        <translation>Org 名称：</translation>
    </message>
    <message>
        <source>Chat org name (Console → Chat)</source>
        <translation>即时通讯的 Org 名称（控制台 → 即时通讯）</translation>
    </message>
    <message>
        <source>App name:</source>
        <translation>App 名称：</translation>
    </message>
    <message>
        <source>Chat app name (Console → Chat)</source>
        <translation>即时通讯的 App 名称（控制台 → 即时通讯）</translation>
    </message>
    <message>
        <source>Room UUID:</source>
        <translation>房间 UUID：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>cn, ap, na or eu</source>
        <translation>cn、ap、na 或 eu</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Pre&amp;set:</source>
        <translation>预设(&amp;S)：</translation>
    </message>
    <message>
        <source>Other host (typed)</source>
        <translation>其他主机（手动输入）</translation>
    </message>
    <message>
        <source>Enviro&amp;nment:</source>
        <translation>环境(&amp;N)：</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Base URL: a proxy or test server may add a path prefix</source>
        <translation>基础 URL：代理或测试服务器可以加上路径前缀</translation>
    </message>
    <message>
        <source>/dev/v1/projects  ({app_id} is filled in)</source>
        <translation>/dev/v1/projects （自动填入 {app_id}）</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>&amp;Auth:</source>
        <translation>认证方式(&amp;A)：</translation>
    </message>
    <message>
        <source>Generate from the profile</source>
        <translation>用配置生成</translation>
    </message>
    <message>
        <source>Paste a token</source>
        <translation>粘贴 Token</translation>
    </message>
    <message>
        <source>To&amp;ken:</source>
        <translation>Token(&amp;K)：</translation>
    </message>
    <message>
        <source>007… (pasted tokens are never saved)</source>
        <translation>007…（粘贴的 Token 绝不会被保存）</translation>
    </message>
    <message>
        <source>Pasted token:</source>
        <translation>粘贴的 Token：</translation>
    </message>
    <message>
        <source>Headers (Content-Type: application/json is always sent)</source>
        <translation>请求头（总会发送 Content-Type: application/json）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>添加请求头</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>JSON body</source>
        <translation>JSON 请求体</translation>
    </message>
    <message>
        <source>{ }  (empty: no body)</source>
        <translation>{ } （留空：无请求体）</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>extra CA bundle (PEM), added to the system&apos;s</source>
        <translation>额外的 CA 证书包（PEM），附加在系统证书之外</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA 文件(&amp;C)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>超时(&amp;I)：</translation>
    </message>
    <message>
        <source>Failover: on a connection failure, try the same domain, the other primary, the next region (1 s / 3 s / 6 s apart)</source>
        <translation>故障切换：连接失败时，依次重试同一域名、另一主域名、下一个区域（间隔 1 秒 / 3 秒 / 6 秒）</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>无主机</translation>
    </message>
    <message>
        <source>Path and ?query under the base URL; {app_id} is filled in</source>
        <translation>基础 URL 下的路径和 ?查询参数；自动填入 {app_id}</translation>
    </message>
    <message>
        <source>Fixed by the preset: the fields below fill its {placeholders}. Choose “Custom request” to type any path.</source>
        <translation>由预设固定：下方字段会填入其中的 {placeholders}。如需输入任意路径，请选择“自定义请求”。</translation>
    </message>
    <message>
        <source>base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>paste a token (pasted tokens are never saved), or choose “Generate from the profile”</source>
        <translation>请粘贴 Token（粘贴的 Token 绝不会被保存），或选择“用配置生成”</translation>
    </message>
    <message>
        <source>Using the pasted token.</source>
        <translation>使用粘贴的 Token。</translation>
    </message>
    <message>
        <source>Sends a fresh {token}, built from the profile.</source>
        <translation>发送用配置新生成的{token}。</translation>
    </message>
</context>
<context>
    <name>RequestTab</name>
    <message>
        <source>Sen&amp;d</source>
        <translation>发送(&amp;D)</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>发送请求（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cop&amp;y as curl</source>
        <translation>复制为 curl(&amp;Y)</translation>
    </message>
    <message>
        <source>with secrets</source>
        <translation>包含密钥</translation>
    </message>
    <message>
        <source>Off: the command uses $AGORA_CUSTOMER_ID, $AGORA_CUSTOMER_SECRET and $AGORA_TOKEN. On: the real values (the clipboard is cleared after a while).</source>
        <translation>关闭：命令中使用 $AGORA_CUSTOMER_ID、$AGORA_CUSTOMER_SECRET 和 $AGORA_TOKEN。打开：使用真实值（剪贴板会在一段时间后清除）。</translation>
    </message>
    <message>
        <source>No profile: the App ID / Certificate and Customer ID / Secret typed in the other tabs for this session are used.</source>
        <translation>未选配置：使用本次会话在其他标签页中输入的 App ID / 证书和客户 ID / 密钥。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Profile “{name}”: App ID {app_id}, Customer ID {customer}. Secrets are read from the keyring when you send.</source>
        <translation>配置“{name}”：App ID {app_id}，客户 ID {customer}。发送时从密钥环读取密钥。</translation>
    </message>
    <message>
        <source>Reading credentials…</source>
        <translation>正在读取凭证…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>reading the credentials</source>
        <translation>读取凭证</translation>
    </message>
    <message>
        <source>{explanation} Tries: {tries}.</source>
        <translation>{explanation} 尝试记录：{tries}。</translation>
    </message>
    <message>
        <source>the request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Request cancelled</source>
        <translation>请求已取消</translation>
    </message>
    <message>
        <source>Paste the token again: pasted tokens are never saved.</source>
        <translation>请重新粘贴 Token：粘贴的 Token 绝不会被保存。</translation>
    </message>
    <message>
        <source>{message} (choose a profile, or type the credentials in the RTC token / Basic credential tab)</source>
        <translation>{message}（请选择一个配置，或在“RTC Token”/“Basic 凭证”标签页中输入凭证）</translation>
    </message>
</context>
<context>
    <name>ResponseView</name>
    <message>
        <source>No request sent yet.</source>
        <translation>尚未发送请求。</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>响应体</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>JSON tree</source>
        <translation>JSON 树</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>响应头</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>已发送的请求</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>No answer after {ms} ms.</source>
        <translation>{ms} 毫秒后仍无响应。</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>无响应。</translation>
    </message>
    <message>
        <source>Not sent after {ms} ms: {message}</source>
        <translation>{ms} 毫秒后未能发送：{message}</translation>
    </message>
    <message>
        <source>Not sent: {message}</source>
        <translation>未发送：{message}</translation>
    </message>
    <message>
        <source>Body truncated: {size}.</source>
        <translation>响应体已截断：{size}。</translation>
    </message>
    <message>
        <source>Showing the first {count} characters of the body.</source>
        <translation>仅显示响应体的前 {count} 个字符。</translation>
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
