<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgentForm</name>
    <message>
        <source>C&amp;hannel:</source>
        <translation>频道名(&amp;H)：</translation>
    </message>
    <message>
        <source>the channel the agent joins</source>
        <translation>智能体加入的频道</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;TM user ID:</source>
        <translation>RTM 用户 ID(&amp;T)：</translation>
    </message>
    <message>
        <source>default: the uid or account as text</source>
        <translation>默认：uid 或用户名的文本</translation>
    </message>
    <message>
        <source>RTM login e&amp;xpiry:</source>
        <translation>RTM 登录有效期(&amp;X)：</translation>
    </message>
    <message>
        <source>channel “{channel}”, user {who}</source>
        <translation>频道“{channel}”，用户 {who}</translation>
    </message>
</context>
<context>
    <name>ApaasRoomUserForm</name>
    <message>
        <source>R&amp;oom UUID:</source>
        <translation>房间 UUID(&amp;O)：</translation>
    </message>
    <message>
        <source>the classroom&apos;s UUID</source>
        <translation>课堂的 UUID</translation>
    </message>
    <message>
        <source>U&amp;ser UUID:</source>
        <translation>用户 UUID(&amp;S)：</translation>
    </message>
    <message>
        <source>the user&apos;s UUID (also the RTM user ID)</source>
        <translation>用户的 UUID（也是 RTM 用户 ID）</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>角色(&amp;L)：</translation>
    </message>
    <message>
        <source>a number, e.g. 1 teacher, 2 student</source>
        <translation>数字，例如 1 老师、2 学生</translation>
    </message>
    <message>
        <source>As the official builder: APaaS roomUser + RTM login for the user UUID + a Chat user whose ID is the MD5 of the user UUID.</source>
        <translation>与官方生成器一致：APaaS roomUser + 以用户 UUID 登录 RTM + 一个 ID 为用户 UUID 的 MD5 的即时通讯用户。</translation>
    </message>
    <message>
        <source>room “{room}”, user “{user}”</source>
        <translation>房间“{room}”，用户“{user}”</translation>
    </message>
</context>
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
    <name>BasicTab</name>
    <message>
        <source>Copy as Authorization: line</source>
        <translation>复制为 Authorization: 行</translation>
    </message>
    <message>
        <source>Copy “Authorization: Basic …”, the whole header line</source>
        <translation>复制“Authorization: Basic …”整行请求头</translation>
    </message>
    <message>
        <source>Copy as curl -H</source>
        <translation>复制为 curl -H</translation>
    </message>
    <message>
        <source>Copy a curl command that lists the account&apos;s projects with this header</source>
        <translation>复制一条用此请求头列出该账号项目的 curl 命令</translation>
    </message>
    <message>
        <source>Read a header</source>
        <translation>解析请求头</translation>
    </message>
    <message>
        <source>paste “Basic …” or “Authorization: Basic …”</source>
        <translation>粘贴“Basic …”或“Authorization: Basic …”</translation>
    </message>
    <message>
        <source>Hea&amp;der:</source>
        <translation>请求头(&amp;D)：</translation>
    </message>
    <message>
        <source>shown when a valid header is pasted</source>
        <translation>粘贴有效的请求头后显示</translation>
    </message>
    <message>
        <source>Customer ID:</source>
        <translation>客户 ID：</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>显示(&amp;R)</translation>
    </message>
    <message>
        <source>Show the Customer Secret in clear text</source>
        <translation>以明文显示客户密钥</translation>
    </message>
    <message>
        <source>Customer Secret:</source>
        <translation>客户密钥：</translation>
    </message>
    <message>
        <source>Matches the profile</source>
        <translation>与配置是否一致</translation>
    </message>
    <message>
        <source>Customer ID {customer_id} · from {credentials_source}
Send it as the HTTP header  Authorization: &lt;this value&gt;</source>
        <translation>客户 ID {customer_id} · 来自{credentials_source}
作为 HTTP 请求头发送：Authorization: &lt;此值&gt;</translation>
    </message>
    <message>
        <source>the typed credentials</source>
        <translation>手动输入的凭证</translation>
    </message>
    <message>
        <source>profile “{name}”</source>
        <translation>配置“{name}”</translation>
    </message>
    <message>
        <source>Profile “{name}” has no Customer ID to compare with.</source>
        <translation>配置“{name}”没有可比较的客户 ID。</translation>
    </message>
    <message>
        <source>Comparing with {whose}’s Customer Secret…</source>
        <translation>正在与{whose}的客户密钥比较…</translation>
    </message>
    <message>
        <source>reading the Customer Secret</source>
        <translation>读取客户密钥</translation>
    </message>
    <message>
        <source>Could not compare with {whose}: {problem}</source>
        <translation>无法与{whose}比较：{problem}</translation>
    </message>
    <message>
        <source>✓ Matches {whose}: same Customer ID and Customer Secret.</source>
        <translation>✓ 与{whose}一致：客户 ID 和客户密钥都相同。</translation>
    </message>
    <message>
        <source>Same Customer ID as {whose}, which has no Customer Secret saved to compare.</source>
        <translation>客户 ID 与{whose}相同，但其未保存客户密钥，无法比较。</translation>
    </message>
    <message>
        <source>Same Customer ID as {whose}, but a different Customer Secret: one of the two is wrong or outdated (Agora answers 401 to it).</source>
        <translation>客户 ID 与{whose}相同，但客户密钥不同：其中一个有误或已过期（声网会返回 401）。</translation>
    </message>
    <message>
        <source>Not {whose}’s: its Customer ID{theirs} is another one.</source>
        <translation>不属于{whose}：其客户 ID{theirs}是另一个。</translation>
    </message>
    <message>
        <source>Hi&amp;de</source>
        <translation>隐藏(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CertificateSource</name>
    <message>
        <source>Type the App Certificate above to verify the signature for this session.</source>
        <translation>在上方输入 App 证书，即可在本次会话中校验签名。</translation>
    </message>
    <message>
        <source>App Certificate</source>
        <translation>App 证书</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>the App Certificate you typed {problem}</source>
        <translation>你输入的 App 证书{problem}</translation>
    </message>
    <message>
        <source>Copy the 32-character App Certificate from Agora Console.</source>
        <translation>请从声网控制台复制 32 位的 App 证书。</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>reading the App Certificates of saved profile {shown}…</source>
        <translation>正在读取已保存配置 {shown} 的 App 证书…</translation>
    </message>
    <message>
        <source>profile {name!r}</source>
        <translation>配置 {name!r}</translation>
    </message>
    <message>
        <source>the session</source>
        <translation>本次会话</translation>
    </message>
    <message>
        <source>reading the App Certificate of {who}…</source>
        <translation>正在读取{who}的 App 证书…</translation>
    </message>
    <message>
        <source>not verified: the App Certificate could not be read ({error})</source>
        <translation>未校验：无法读取 App 证书（{error}）</translation>
    </message>
    <message>
        <source>profile {name!r} has no App Certificate</source>
        <translation>配置 {name!r} 没有 App 证书</translation>
    </message>
    <message>
        <source>no profile is selected</source>
        <translation>未选择配置</translation>
    </message>
    <message>
        <source>not verified: {why}</source>
        <translation>未校验：{why}</translation>
    </message>
    <message>
        <source>Type the App Certificate above, or select a profile that has one.</source>
        <translation>请在上方输入 App 证书，或选择一个保存了 App 证书的配置。</translation>
    </message>
    <message>
        <source>not verified yet</source>
        <translation>尚未校验</translation>
    </message>
    <message>
        <source>Verifying with the certificate typed for this session.</source>
        <translation>使用本次会话输入的证书校验。</translation>
    </message>
    <message>
        <source>Reading the App Certificate of the profile…</source>
        <translation>正在读取该配置的 App 证书…</translation>
    </message>
    <message>
        <source>The profile&apos;s App Certificate could not be read: type it to verify.</source>
        <translation>无法读取该配置的 App 证书：请手动输入后校验。</translation>
    </message>
    <message>
        <source>Verifying with the App Certificate of profile {name!r}.</source>
        <translation>使用配置 {name!r} 的 App 证书校验。</translation>
    </message>
    <message>
        <source>No profile selected: the saved profiles with the token&apos;s App ID are tried, or type an App Certificate.</source>
        <translation>未选择配置：将尝试与该 Token 的 App ID 相同的已保存配置，也可以输入 App 证书。</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Checks appear here</source>
        <translation>检查结果显示在这里</translation>
    </message>
    <message>
        <source>Signed with {signer}.</source>
        <translation>签名所用：{signer}。</translation>
    </message>
</context>
<context>
    <name>CompareSide</name>
    <message>
        <source>From clipboard</source>
        <translation>从剪贴板粘贴</translation>
    </message>
    <message>
        <source>Paste or drop a token</source>
        <translation>粘贴或拖入 Token</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>No differences: the two tokens are identical</source>
        <translation>没有差异：两个 Token 完全相同</translation>
    </message>
    <message>
        <source>No differences in the inputs: only {stamp} differ (built from the same inputs)</source>
        <translation>输入没有差异：只有 {stamp} 不同（由相同输入生成）</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s): {names} (also {stamp}, which differ between any two tokens)</source>
        <translation>
            <numerusform>%n 处差异：{names}（另有 {stamp}，任意两个 Token 都会不同）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s): {names}</source>
        <translation>
            <numerusform>%n 处差异：{names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste a token on each side to compare them</source>
        <translation>在两侧各粘贴一个 Token 进行对比</translation>
    </message>
    <message>
        <source>A: the token to check</source>
        <translation>A：待检查的 Token</translation>
    </message>
    <message>
        <source>B: a token known to work</source>
        <translation>B：确认可用的 Token</translation>
    </message>
</context>
<context>
    <name>ComposerForm</name>
    <message>
        <source>&amp;Add service</source>
        <translation>添加服务(&amp;A)</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>服务：</translation>
    </message>
    <message numerus="yes">
        <source>composed of %n service(s)</source>
        <translation>
            <numerusform>由 %n 个服务组成</numerusform>
        </translation>
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
        <source>Open Profiles…</source>
        <translation>打开“配置”…</translation>
    </message>
    <message>
        <source>Add the Customer ID to this profile</source>
        <translation>为此配置添加客户 ID</translation>
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
        <source>Profile “{name}” has no Customer ID: add it (and the Customer Secret) in Profiles, or choose another profile.</source>
        <translation>配置“{name}”没有客户 ID：请在“配置”中添加（连同客户密钥），或选择其他配置。</translation>
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
        <source>This token is for App ID {token_app_id}; the profile “{name}” has App ID {app_id}. Choose that project&apos;s profile before Generate, or the new token will not work there.</source>
        <translation>此 Token 属于 App ID {token_app_id}；配置“{name}”的 App ID 是 {app_id}。请在生成前选择该项目的配置，否则新 Token 在那里无法使用。</translation>
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
    <name>Forms</name>
    <message>
        <source>optional: {what}</source>
        <translation>可选：{what}</translation>
    </message>
    <message>
        <source>Publisher (join + publish)</source>
        <translation>主播（加入 + 发流）</translation>
    </message>
    <message>
        <source>Subscriber (join only)</source>
        <translation>观众（仅加入）</translation>
    </message>
</context>
<context>
    <name>FpaForm</name>
    <message>
        <source>login privilege 0 (no limit of its own)</source>
        <translation>登录权限 0（自身不设期限）</translation>
    </message>
</context>
<context>
    <name>GeneratorTab</name>
    <message>
        <source>The Authorization header value appears here after Generate (Ctrl+Enter).</source>
        <translation>点击“生成”（Ctrl+Enter）后，Authorization 请求头的值显示在这里。</translation>
    </message>
    <message>
        <source>typed credentials</source>
        <translation>手动输入的凭证</translation>
    </message>
    <message>
        <source>profile “{name}”, secondary certificate</source>
        <translation>配置“{name}”，次要证书</translation>
    </message>
    <message>
        <source>profile “{name}”</source>
        <translation>配置“{name}”</translation>
    </message>
    <message>
        <source>006 (legacy)</source>
        <translation>006（旧版）</translation>
    </message>
    <message>
        <source>The token appears here after Generate (Ctrl+Enter).</source>
        <translation>点击“生成”（Ctrl+Enter）后，Token 显示在这里。</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation>生成（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Inspect this token</source>
        <translation>检查此 Token</translation>
    </message>
    <message>
        <source>Open it in the Inspect tab</source>
        <translation>在“检查”标签页中打开</translation>
    </message>
    <message>
        <source>Use in Test request</source>
        <translation>用于测试请求</translation>
    </message>
    <message>
        <source>Send a request with it</source>
        <translation>用它发送请求</translation>
    </message>
    <message>
        <source>QR code…</source>
        <translation>二维码…</translation>
    </message>
    <message>
        <source>Show it as a QR code, to scan with a phone</source>
        <translation>以二维码显示，便于用手机扫描</translation>
    </message>
    <message>
        <source>the {tab} history</source>
        <translation>{tab}历史记录</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>请先修正标红的字段。</translation>
    </message>
    <message>
        <source>Filled in from Inspect: Generate signs these inputs anew.</source>
        <translation>已从“检查”填入：点击“生成”会用这些输入重新签名。</translation>
    </message>
    <message>
        <source>Cannot regenerate: {reason}</source>
        <translation>无法重新生成：{reason}</translation>
    </message>
    <message>
        <source>The profile “{name}” this entry was made with no longer exists: generated with no profile, from the credentials typed here.</source>
        <translation>生成这条记录时使用的配置“{name}”已不存在：已不使用配置，改用此处输入的凭据生成。</translation>
    </message>
    <message>
        <source>{tab} as a QR code</source>
        <translation>{tab}二维码</translation>
    </message>
    <message>
        <source>Anyone who can see this screen can scan the token: close it when done.</source>
        <translation>任何能看到此屏幕的人都能扫描该 Token：用完请关闭。</translation>
    </message>
    <message>
        <source>{tab}: generated</source>
        <translation>{tab}：已生成</translation>
    </message>
    <message>
        <source>Reading the {secret} from the keyring… (answer the unlock prompt if one appears)</source>
        <translation>正在从密钥环读取{secret}…（如出现解锁提示，请响应）</translation>
    </message>
</context>
<context>
    <name>HistoryBar</name>
    <message>
        <source>Histor&amp;y:</source>
        <translation>历史记录(&amp;Y)：</translation>
    </message>
    <message>
        <source>What each Generate was made of: no token and no secret is kept</source>
        <translation>每次生成所用的输入：不保存任何 Token 或密钥</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Fill the form with these inputs and sign a fresh token</source>
        <translation>用这些输入填写表单，并签发一个新 Token</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清空历史记录</translation>
    </message>
    <message>
        <source>(empty: each Generate is listed here)</source>
        <translation>（空：每次生成都会列在这里）</translation>
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
    <name>Input</name>
    <message>
        <source>{name} is {size} KiB: a token is a few hundred characters; drop a file that holds just the token, or paste it</source>
        <translation>{name} 有 {size} KiB：一个 Token 只有几百个字符；请拖入只包含 Token 的文件，或直接粘贴</translation>
    </message>
    <message>
        <source>cannot read {name}: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is a binary file, not a text file with a token</source>
        <translation>{name} 是二进制文件，不是包含 Token 的文本文件</translation>
    </message>
    <message>
        <source>{count} characters: a token is a few hundred; paste just the token</source>
        <translation>{count} 个字符：一个 Token 只有几百个字符；请只粘贴 Token</translation>
    </message>
    <message>
        <source>cannot decode this input (internal error {error}; please report it)</source>
        <translation>无法解析此输入（内部错误 {error}；请报告此问题）</translation>
    </message>
    <message>
        <source>… {hidden} more</source>
        <translation>… 另有 {hidden} 项</translation>
    </message>
    <message>
        <source>not shown here; Export JSON has them all</source>
        <translation>此处未显示；“导出 JSON”包含全部内容</translation>
    </message>
</context>
<context>
    <name>InspectChecks</name>
    <message>
        <source>The token was decoded after this clean-up; if it is stored or sent like this, remove these characters there too: the SDK uses the token exactly as given.</source>
        <translation>Token 是在这次清理后解析的；如果它以这种形式保存或发送，请在那里也删除这些字符：SDK 会原样使用 Token。</translation>
    </message>
    <message>
        <source>{name}: {detail}</source>
        <translation>{name}：{detail}</translation>
    </message>
    <message>
        <source>{line}
→ {fix}</source>
        <translation>{line}
→ {fix}</translation>
    </message>
    <message>
        <source>paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message numerus="yes">
        <source>; %n warning(s)</source>
        <translation>
            <numerusform>；%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✗ {failed} of %n check(s) failed: {names}{tail}</source>
        <translation>
            <numerusform>✗ %n 项检查中 {failed} 项未通过：{names}{tail}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ all %n check(s) passed{tail}</source>
        <translation>
            <numerusform>✓ 全部 %n 项检查通过{tail}</numerusform>
        </translation>
    </message>
    <message>
        <source>no checks ran{tail}</source>
        <translation>未运行任何检查{tail}</translation>
    </message>
</context>
<context>
    <name>InspectModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>InspectTab</name>
    <message>
        <source>&amp;Inspect</source>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <source>Com&amp;pare</source>
        <translation>对比(&amp;P)</translation>
    </message>
    <message>
        <source>&lt;b&gt;To&amp;ken&lt;/b&gt;</source>
        <translation>&lt;b&gt;Token(&amp;K)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>From clip&amp;board</source>
        <translation>从剪贴板粘贴(&amp;B)</translation>
    </message>
    <message>
        <source>Replace the input with the clipboard&apos;s text</source>
        <translation>用剪贴板中的文本替换输入</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>Paste or drop a token (007…, 006…, 005…). Quotes, whitespace, an &apos;agora token=&apos; prefix and URL-encoding are cleaned up and reported.</source>
        <translation>粘贴或拖入 Token（007…、006…、005…）。引号、空白、“agora token=”前缀和 URL 编码会被清理并报告。</translation>
    </message>
    <message>
        <source>empty: the App Certificate of the selected profile</source>
        <translation>留空：使用所选配置的 App 证书</translation>
    </message>
    <message>
        <source>Kept in memory for this session only, never saved. Used only to verify.</source>
        <translation>只在本次会话的内存中保留，绝不保存。仅用于校验。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>App &amp;Certificate</source>
        <translation>App 证书(&amp;C)</translation>
    </message>
    <message>
        <source>Expected cha&amp;nnel</source>
        <translation>预期频道名(&amp;N)</translation>
    </message>
    <message>
        <source>Expected &amp;uid</source>
        <translation>预期 uid(&amp;U)</translation>
    </message>
    <message>
        <source>the channel the app joins</source>
        <translation>App 加入的频道</translation>
    </message>
    <message>
        <source>the uid or user account the app uses (0 = any user)</source>
        <translation>App 使用的 uid 或用户名（0 = 任意用户）</translation>
    </message>
    <message>
        <source>App&apos;s e&amp;rror</source>
        <translation>App 的错误(&amp;R)</translation>
    </message>
    <message>
        <source>the error the app got (110, 109, 17, &apos;dynamic key expired&apos;, 401…)</source>
        <translation>App 收到的错误（110、109、17、“dynamic key expired”、401…）</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <source>Copy field and value</source>
        <translation>复制字段和值</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>复制 JSON</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>A text safe to paste into a public issue: no token, no signature, no salt, the App ID masked</source>
        <translation>可安全贴到公开 issue 中的文本：不含 Token、签名和 salt，App ID 已遮盖</translation>
    </message>
    <message>
        <source>Copy cleaned token</source>
        <translation>复制清理后的 Token</translation>
    </message>
    <message>
        <source>The token without the quotes, spaces, escapes or prefix the paste added</source>
        <translation>去掉粘贴时带入的引号、空格、转义或前缀后的 Token</translation>
    </message>
    <message>
        <source>Compare &amp;with…</source>
        <translation>对比(&amp;W)…</translation>
    </message>
    <message>
        <source>Put this token on side A of the compare page</source>
        <translation>把此 Token 放到对比页的 A 侧</translation>
    </message>
    <message>
        <source>The clipboard holds no text</source>
        <translation>剪贴板中没有文本</translation>
    </message>
    <message>
        <source>cannot show this token (internal error {error})</source>
        <translation>无法显示此 Token（内部错误 {error}）</translation>
    </message>
    <message>
        <source>Decoding…</source>
        <translation>正在解析…</translation>
    </message>
    <message>
        <source>cannot decode this input (internal error {error})</source>
        <translation>无法解析此输入（内部错误 {error}）</translation>
    </message>
    <message>
        <source>Checks appear here</source>
        <translation>检查结果显示在这里</translation>
    </message>
    <message>
        <source>Select a row to copy</source>
        <translation>请选择要复制的行</translation>
    </message>
    <message>
        <source>Nothing to copy: paste a token first</source>
        <translation>没有可复制的内容：请先粘贴 Token</translation>
    </message>
    <message>
        <source>Nothing to export: paste a token first</source>
        <translation>没有可导出的内容：请先粘贴 Token</translation>
    </message>
    <message>
        <source>Export the decoded token</source>
        <translation>导出解析后的 Token</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
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
        <source>checking the keyring</source>
        <translation>检查密钥环</translation>
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
    <name>PermissionRow</name>
    <message>
        <source>resource type</source>
        <translation>资源类型</translation>
    </message>
    <message>
        <source>permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>names, comma-separated (empty: none)</source>
        <translation>名称，以逗号分隔（留空：无）</translation>
    </message>
    <message>
        <source>resource names</source>
        <translation>资源名称</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this permission</source>
        <translation>删除此权限</translation>
    </message>
</context>
<context>
    <name>PermissionsEditor</name>
    <message>
        <source>Add &amp;permission</source>
        <translation>添加权限(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>Working with the keyring… (answer the unlock prompt if one appears)</source>
        <translation>正在访问密钥环…（如出现解锁提示，请响应）</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>新建(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>Move the broken file aside</source>
        <translation>把损坏的文件移到一边</translation>
    </message>
    <message>
        <source>letters, digits, - _ . (no slash)</source>
        <translation>字母、数字、- _ .（不能有斜杠）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>32 hexadecimal characters</source>
        <translation>32 位十六进制字符</translation>
    </message>
    <message>
        <source>App &amp;ID:</source>
        <translation>App ID(&amp;I)：</translation>
    </message>
    <message>
        <source>App Cer&amp;tificate:</source>
        <translation>App 证书(&amp;T)：</translation>
    </message>
    <message>
        <source>Secon&amp;dary certificate:</source>
        <translation>次要证书(&amp;D)：</translation>
    </message>
    <message>
        <source>optional: the project&apos;s secondary App Certificate (for rotation)</source>
        <translation>可选：项目的次要 App 证书（用于轮换）</translation>
    </message>
    <message>
        <source>optional: for REST requests</source>
        <translation>可选：用于 REST 请求</translation>
    </message>
    <message>
        <source>C&amp;ustomer ID:</source>
        <translation>客户 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>Customer S&amp;ecret:</source>
        <translation>客户密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>optional; saved in plain text, so never a secret here</source>
        <translation>可选；以明文保存，所以请勿在此填写密钥</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Remove the stored {secret}</source>
        <translation>删除已保存的{secret}</translation>
    </message>
    <message>
        <source>profile “{editing}”</source>
        <translation>配置“{editing}”</translation>
    </message>
    <message>
        <source>the new profile</source>
        <translation>新配置</translation>
    </message>
    <message>
        <source> Names, App IDs and Customer IDs are saved in {path}.</source>
        <translation>名称、App ID 和客户 ID 保存在 {path}。</translation>
    </message>
    <message>
        <source>Secrets are stored in {where}.{saved}</source>
        <translation>密钥保存在{where}。{saved}</translation>
    </message>
    <message>
        <source>Session only — no keyring: secrets are kept in memory until agora-desk closes, never written to a file.{saved}</source>
        <translation>仅限本次会话：没有密钥环。密钥只保存在内存中，直到 agora-desk 关闭，绝不会写入文件。{saved}</translation>
    </message>
    <message>
        <source>App ID {app_id}</source>
        <translation>App ID {app_id}</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>unknown (the keyring could not be read)</source>
        <translation>未知（无法读取密钥环）</translation>
    </message>
    <message>
        <source>stored: {masked}</source>
        <translation>已保存：{masked}</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>leave empty to keep the stored one</source>
        <translation>留空则保留已保存的值</translation>
    </message>
    <message>
        <source>not stored yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Fix the fields marked in red first.</source>
        <translation>请先修正标红的字段。</translation>
    </message>
    <message>
        <source>Saved profile “{name}”.</source>
        <translation>已保存配置“{name}”。</translation>
    </message>
    <message>
        <source>Remove the profile “{name}” and its secrets from the keyring?</source>
        <translation>从密钥环中删除配置“{name}”及其密钥吗？</translation>
    </message>
    <message>
        <source>Removed profile “{name}”.</source>
        <translation>已删除配置“{name}”。</translation>
    </message>
    <message>
        <source>The unreadable file was moved to {backup}.</source>
        <translation>无法读取的文件已移到 {backup}。</translation>
    </message>
    <message>
        <source>the change</source>
        <translation>保存更改</translation>
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
    <name>RebuildButton</name>
    <message>
        <source>Open the generator that makes this token, filled in with its inputs (never a secret)</source>
        <translation>打开生成这种 Token 的标签页，并填入它的输入（绝不包含密钥）</translation>
    </message>
    <message>
        <source>Rebuil&amp;d with these inputs</source>
        <translation>用这些输入重新生成(&amp;D)</translation>
    </message>
    <message>
        <source>This token unpacks far beyond any real token; no form can hold it.</source>
        <translation>此 Token 解开后远超任何真实 Token；没有表单能容纳它。</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>不可用：{reason}</translation>
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
        <translation>字符串 uid（enable_string_uid；Token 用于该用户名）</translation>
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
        <translation>关闭：命令用 $AGORA_CUSTOMER_ID、$AGORA_CUSTOMER_SECRET 和 $AGORA_TOKEN 代替客户 ID、客户密钥和 Token。打开：使用真实值（剪贴板会在一段时间后清除）。</translation>
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
    <name>RtcTab</name>
    <message>
        <source>(for a string user account choose “User account”)</source>
        <translation>（字符串形式的用户名请选择“用户名”）</translation>
    </message>
    <message>
        <source>&amp;Join channel (s):</source>
        <translation>加入频道（秒）(&amp;J)：</translation>
    </message>
    <message>
        <source>Publish au&amp;dio (s):</source>
        <translation>发布音频（秒）(&amp;D)：</translation>
    </message>
    <message>
        <source>Pub&amp;lish video (s):</source>
        <translation>发布视频（秒）(&amp;L)：</translation>
    </message>
    <message>
        <source>Pu&amp;blish data (s):</source>
        <translation>发布数据（秒）(&amp;B)：</translation>
    </message>
    <message>
        <source>publisher</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>subscriber</source>
        <translation>观众</translation>
    </message>
    <message>
        <source>not used: a 006 legacy token has no RTM login; untick 006 for one RTC + RTM token</source>
        <translation>不会使用：006 旧版 Token 不含 RTM 登录；如需一个 RTC + RTM Token，请取消勾选 006</translation>
    </message>
    <message>
        <source>the channel name the app joins</source>
        <translation>App 加入的频道名</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>频道名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Token e&amp;xpiry:</source>
        <translation>Token 有效期(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Privilege expiry:</source>
        <translation>权限有效期(&amp;P)：</translation>
    </message>
    <message>
        <source>optional: also log in to RTM (one RTC + RTM token)</source>
        <translation>可选：同时登录 RTM（一个 RTC + RTM Token）</translation>
    </message>
    <message>
        <source>RT&amp;M user ID:</source>
        <translation>RTM 用户 ID(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;006 legacy token (older SDKs; no RTM)</source>
        <translation>&amp;006 旧版 Token（旧版 SDK；不含 RTM）</translation>
    </message>
    <message>
        <source>Advanced: a separate expiry for each privilege (“with privilege” builder)</source>
        <translation>高级：为每项权限单独设置有效期（“带权限”的生成方式）</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>{message} {hint}</source>
        <translation>{message}{hint}</translation>
    </message>
    <message>
        <source>separate privilege expiries</source>
        <translation>各权限单独的有效期</translation>
    </message>
    <message>
        <source>Join privilege expires</source>
        <translation>加入频道权限过期</translation>
    </message>
    <message>
        <source>Token expires</source>
        <translation>Token 过期</translation>
    </message>
    <message>
        <source>{version} · {services} · {what} · from {source}
Issued {issued} · salt {salt}</source>
        <translation>{version} · {services} · {what} · 来自{source}
签发于 {issued} · salt {salt}</translation>
    </message>
</context>
<context>
    <name>Rtm2Form</name>
    <message>
        <source>&amp;User ID:</source>
        <translation>用户 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>the Signaling user ID</source>
        <translation>信令用户 ID</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>权限：</translation>
    </message>
    <message>
        <source>Per-resource permissions (an interface Agora enables on request). The login privilege and the token expire together.</source>
        <translation>按资源设置的权限（需联系声网开通）。登录权限与 Token 同时过期。</translation>
    </message>
    <message numerus="yes">
        <source>user “{user}”, %n permission(s)</source>
        <translation>
            <numerusform>用户“{user}”，%n 项权限</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RtmTab</name>
    <message>
        <source>the user ID the app logs in with</source>
        <translation>App 登录所用的用户 ID</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>用户 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>Token e&amp;xpiry:</source>
        <translation>Token 有效期(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;006 legacy token (RTM SDK 1.x)</source>
        <translation>&amp;006 旧版 Token（RTM SDK 1.x）</translation>
    </message>
    <message>
        <source>user ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Login privilege expires</source>
        <translation>登录权限过期</translation>
    </message>
    <message>
        <source>Token expires</source>
        <translation>Token 过期</translation>
    </message>
    <message>
        <source>{version} · RTM login for “{user_id}” · from {credentials_source}
Issued {local} · salt {salt}</source>
        <translation>{version} · “{user_id}”的 RTM 登录 · 来自{credentials_source}
签发于 {local} · salt {salt}</translation>
    </message>
</context>
<context>
    <name>ServerEndpoints</name>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Sample curl command</source>
        <translation>示例 curl 命令</translation>
    </message>
    <message>
        <source>Copy curl</source>
        <translation>复制 curl</translation>
    </message>
    <message>
        <source>Copy the selected endpoint&apos;s sample request</source>
        <translation>复制所选接口的示例请求</translation>
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
    <name>ServerTab</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>仅本机</translation>
    </message>
    <message>
        <source>every network: phones and other computers can reach it</source>
        <translation>所有网络：手机和其他电脑都能访问</translation>
    </message>
    <message>
        <source>127.0.0.1: this machine only (and the Android emulator via 10.0.2.2).
0.0.0.0: every network interface, so a phone on Wi-Fi can reach it.</source>
        <translation>127.0.0.1：仅本机（Android 模拟器可通过 10.0.2.2 访问）。
0.0.0.0：所有网络接口，同一 Wi-Fi 下的手机也能访问。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Expiry of a token when the request does not give one</source>
        <translation>请求未指定时 Token 的有效期</translation>
    </message>
    <message>
        <source>optional: the web app&apos;s origin, e.g. http://localhost:3000</source>
        <translation>可选：Web 应用的 origin，例如 http://localhost:3000</translation>
    </message>
    <message>
        <source>Listening beyond this machine: anyone who can reach this port can mint tokens for the project. Use it only on a network you trust.</source>
        <translation>正在监听本机以外的网络：任何能访问此端口的人都能为该项目生成 Token。请只在可信的网络中使用。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制 URL</translation>
    </message>
    <message>
        <source>Show as QR code</source>
        <translation>显示为二维码</translation>
    </message>
    <message>
        <source>The URL a phone on the same network opens, as a QR code</source>
        <translation>同一网络中的手机要打开的 URL，以二维码显示</translation>
    </message>
    <message>
        <source>Start the server: the selected endpoint&apos;s curl command appears here</source>
        <translation>启动服务器后，所选接口的 curl 命令显示在这里</translation>
    </message>
    <message>
        <source>Clear log</source>
        <translation>清空日志</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Default expiry</source>
        <translation>默认有效期</translation>
    </message>
    <message>
        <source>CORS origin</source>
        <translation>CORS origin</translation>
    </message>
    <message>
        <source>Requests (tokens are never shown)</source>
        <translation>请求记录（绝不显示 Token）</translation>
    </message>
    <message>
        <source>{url}
Scan it with a phone on the same network.</source>
        <translation>{url}
请用同一网络中的手机扫描。</translation>
    </message>
    <message>
        <source> Requests also need the access key shown in this tab.</source>
        <translation>请求还需要此标签页中显示的访问密钥。</translation>
    </message>
    <message>
        <source>{url}
This address works on this computer only: choose Host 0.0.0.0 (all interfaces) and restart to reach the server from a phone.</source>
        <translation>{url}
此地址只能在本机使用：如需从手机访问，请把主机设为 0.0.0.0（所有接口）并重启。</translation>
    </message>
    <message>
        <source>Token server URL as a QR code</source>
        <translation>Token 服务器 URL 二维码</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>App ID</translation>
    </message>
    <message>
        <source>App Certificate</source>
        <translation>App 证书</translation>
    </message>
    <message>
        <source>Profile {name!r} has no {missing}.</source>
        <translation>配置 {name!r} 没有 {missing}。</translation>
    </message>
    <message>
        <source>There is no {missing}.</source>
        <translation>没有 {missing}。</translation>
    </message>
    <message>
        <source>{problem} Choose a profile with an App ID and App Certificate, or enter them for this session.</source>
        <translation>{problem}请选择一个有 App ID 和 App 证书的配置，或为本次会话输入它们。</translation>
    </message>
    <message>
        <source>Android emulator: {url}</source>
        <translation>Android 模拟器：{url}</translation>
    </message>
    <message>
        <source>other devices: {url}</source>
        <translation>其他设备：{url}</translation>
    </message>
    <message>
        <source>access key (header X-Agora-Desk-Key or ?key=): {key}</source>
        <translation>访问密钥（请求头 X-Agora-Desk-Key 或 ?key=）：{key}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Token server running at {url}</source>
        <translation>Token 服务器运行于 {url}</translation>
    </message>
    <message>
        <source>starting the server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>Token server stopped</source>
        <translation>Token 服务器已停止</translation>
    </message>
    <message>
        <source>stopping the server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Running: serving profile {name!r}</source>
        <translation>运行中：正在使用配置 {name!r}</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>{name} (App ID {app_id})</source>
        <translation>{name}（App ID {app_id}）</translation>
    </message>
    <message>
        <source>none selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>{profile} - the server keeps the profile it started with; restart to switch</source>
        <translation>{profile} - 服务器继续使用启动时的配置；重启后才会切换</translation>
    </message>
    <message>
        <source>This computer only (an Android emulator reaches it as 10.0.2.2).</source>
        <translation>仅本机（Android 模拟器可通过 10.0.2.2 访问）。</translation>
    </message>
    <message>
        <source>All interfaces: reachable from your phone on the same Wi-Fi or LAN.</source>
        <translation>所有接口：同一 Wi-Fi 或局域网中的手机可以访问。</translation>
    </message>
    <message>
        <source>Only the network interface with this address.</source>
        <translation>仅限具有此地址的网络接口。</translation>
    </message>
</context>
<context>
    <name>ServiceEditor</name>
    <message>
        <source>Channel:</source>
        <translation>频道名：</translation>
    </message>
    <message>
        <source>Uid / account:</source>
        <translation>uid / 用户名：</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>用户 ID：</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Room UUID:</source>
        <translation>房间 UUID：</translation>
    </message>
    <message>
        <source>User UUID:</source>
        <translation>用户 UUID：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>the text written: empty = uid 0, digits = a uid, else an account</source>
        <translation>写入的文本：留空 = uid 0，数字 = uid，其他 = 用户名</translation>
    </message>
    <message>
        <source>a number; -1 = not set</source>
        <translation>数字；-1 = 不设置</translation>
    </message>
    <message>
        <source>empty for a Chat app token</source>
        <translation>即时通讯 App Token 留空</translation>
    </message>
    <message>
        <source>{name} (type {type})</source>
        <translation>{name}（类型 {type}）</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>权限：</translation>
    </message>
    <message>
        <source>seconds; empty = the token&apos;s expiry</source>
        <translation>秒数；留空 = Token 的有效期</translation>
    </message>
    <message>
        <source>No privileges are defined for this service.</source>
        <translation>此服务没有定义权限。</translation>
    </message>
    <message>
        <source>Remove service</source>
        <translation>删除服务</translation>
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
        <source>Lan&amp;guage:</source>
        <translation>语言(&amp;G)：</translation>
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
    <name>ShapeForm</name>
    <message>
        <source>app token</source>
        <translation>App Token</translation>
    </message>
</context>
<context>
    <name>ShapeForms</name>
    <message>
        <source>&amp;User ID:</source>
        <translation>用户 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>user “{user}”</source>
        <translation>用户“{user}”</translation>
    </message>
    <message>
        <source>the Chat user ID (privilege user)</source>
        <translation>即时通讯用户 ID（user 权限）</translation>
    </message>
    <message>
        <source>An app token (privilege app), for the Chat RESTful API. No user.</source>
        <translation>App Token（app 权限），用于即时通讯 RESTful API。没有用户。</translation>
    </message>
    <message>
        <source>U&amp;ser UUID:</source>
        <translation>用户 UUID(&amp;S)：</translation>
    </message>
    <message>
        <source>the user&apos;s UUID</source>
        <translation>用户的 UUID</translation>
    </message>
    <message>
        <source>An APaaS app token (privilege app). No room, no user.</source>
        <translation>APaaS App Token（app 权限）。没有房间，也没有用户。</translation>
    </message>
    <message>
        <source>As the official builder: the login privilege is 0 (no limit of its own) and the token lasts 24 hours; the token expiry above changes the token&apos;s only.</source>
        <translation>与官方生成器一致：登录权限为 0（自身不设期限），Token 有效 24 小时；上方的 Token 有效期只改变 Token 本身的有效期。</translation>
    </message>
</context>
<context>
    <name>ShapesTab</name>
    <message>
        <source>Sha&amp;pe:</source>
        <translation>类型(&amp;P)：</translation>
    </message>
    <message>
        <source>Token e&amp;xpiry:</source>
        <translation>Token 有效期(&amp;X)：</translation>
    </message>
    <message>
        <source>Official builder: {builder}</source>
        <translation>官方生成器：{builder}</translation>
    </message>
    <message>
        <source>Token expires</source>
        <translation>Token 过期</translation>
    </message>
    <message>
        <source>{service} {privilege} expires</source>
        <translation>{service} {privilege} 过期</translation>
    </message>
    <message>
        <source>007 · {services} · {summary} · from {source}
Issued {issued} · salt {salt}</source>
        <translation>007 · {services} · {summary} · 来自{source}
签发于 {issued} · salt {salt}</translation>
    </message>
    <message>
        <source>AccessToken2 with any services (as agora-desk compose)</source>
        <translation>包含任意服务的 AccessToken2（同 agora-desk compose）</translation>
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
    <message>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>Compose any services</source>
        <translation>任意组合服务</translation>
    </message>
    <message>
        <source>Chat: user token</source>
        <translation>即时通讯：用户 Token</translation>
    </message>
    <message>
        <source>Chat: app token</source>
        <translation>即时通讯：App Token</translation>
    </message>
    <message>
        <source>APaaS: room user</source>
        <translation>APaaS：房间用户</translation>
    </message>
    <message>
        <source>APaaS: user</source>
        <translation>APaaS：用户</translation>
    </message>
    <message>
        <source>APaaS: app</source>
        <translation>APaaS：App</translation>
    </message>
    <message>
        <source>FPA (Full-path Acceleration)</source>
        <translation>FPA（全链路加速）</translation>
    </message>
    <message>
        <source>RTM2 with permissions</source>
        <translation>带权限的 RTM2</translation>
    </message>
    <message>
        <source>Conversational AI agent</source>
        <translation>对话式 AI 引擎智能体</translation>
    </message>
    <message>
        <source>Real-time STT agent</source>
        <translation>实时语音转文字智能体</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>now {local}</source>
        <translation>现在 {local}</translation>
    </message>
</context>
<context>
    <name>UserChooser</name>
    <message>
        <source>0 to 4294967295; 0 = any user</source>
        <translation>0 到 4294967295；0 = 任意用户</translation>
    </message>
    <message>
        <source>the user account the app joins with</source>
        <translation>App 加入所用的用户名</translation>
    </message>
    <message>
        <source>&amp;Uid (number)</source>
        <translation>uid（数字）(&amp;U)</translation>
    </message>
    <message>
        <source>User &amp;account (string)</source>
        <translation>用户名（字符串）(&amp;A)</translation>
    </message>
    <message>
        <source>Join with:</source>
        <translation>加入方式：</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>用户(&amp;S)：</translation>
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
