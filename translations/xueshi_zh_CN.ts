<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnualCertification</name>
    <message>
        <source>Public subjects: %1 hours short</source>
        <translation>公需科目还差 %1 学时</translation>
    </message>
    <message>
        <source>Professional subjects: %1 hours short</source>
        <translation>专业科目还差 %1 学时</translation>
    </message>
    <message>
        <source>Elective subjects: %1 hours short</source>
        <translation>选修科目还差 %1 学时</translation>
    </message>
    <message>
        <source>In total: %1 more hours of any type</source>
        <translation>总学时还差 %1 学时（任意科目）</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>Row %1: a quoted field is not closed.</source>
        <translation>第 %1 行：引号内的内容没有结束引号。</translation>
    </message>
    <message>
        <source>The header row names the column &quot;%1&quot; twice.</source>
        <translation>表头中“%1”列出现了两次。</translation>
    </message>
    <message>
        <source>Row %1: no learner of this class has the resident ID number %2.</source>
        <translation>第 %1 行：本培训班没有身份证号为 %2 的学员。</translation>
    </message>
    <message>
        <source>Row %1: no learner of this class is named %2.</source>
        <translation>第 %1 行：本培训班没有名为 %2 的学员。</translation>
    </message>
    <message>
        <source>Row %1: %2 learners of this class are named %3; give the resident ID number instead.</source>
        <translation>第 %1 行：本培训班有 %2 名学员名为 %3，请填写身份证号。</translation>
    </message>
    <message>
        <source>Row %1: give the resident ID number or the name.</source>
        <translation>第 %1 行：请填写身份证号或姓名。</translation>
    </message>
    <message>
        <source>Row %1: %2 is already listed in row %3.</source>
        <translation>第 %1 行：%2 已在第 %3 行出现。</translation>
    </message>
    <message>
        <source>Row %1: the hours are missing.</source>
        <translation>第 %1 行：缺少学时。</translation>
    </message>
    <message>
        <source>Row %1: &quot;%2&quot; is not a number of hours (a number such as 24 or 2.5, with at most one decimal place).</source>
        <translation>第 %1 行：“%2”不是有效的学时（应为 24 或 2.5 这样的数字，最多一位小数）。</translation>
    </message>
    <message>
        <source>Row %1: %2 hours are more than the class&apos;s %3 hours.</source>
        <translation>第 %1 行：%2 学时超过培训班的 %3 学时。</translation>
    </message>
    <message>
        <source>Row %1: the hours of %2 were already confirmed.</source>
        <translation>第 %1 行：%2 的学时已确认。</translation>
    </message>
    <message>
        <source>Row %1: the enrolment of %2 is not confirmed.</source>
        <translation>第 %1 行：%2 的报名尚未确认。</translation>
    </message>
    <message>
        <source>Row %1: fewer hours than the class&apos;s (or 0 for absent) need a reason in the column 备注 (reason).</source>
        <translation>第 %1 行：学时少于培训班学时（或 0 表示缺勤）时，请在“备注”列填写原因。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as &quot;CSV UTF-8&quot; in the spreadsheet program and import it again.</source>
        <translation>文件不是 UTF-8 编码。请在表格软件中另存为“CSV UTF-8”格式后重新导入。</translation>
    </message>
    <message>
        <source>The file is empty: the first row must name the columns.</source>
        <translation>文件为空：第一行应为列名。</translation>
    </message>
    <message>
        <source>The header row has no column 学时 (hours).</source>
        <translation>表头中没有“学时”列。</translation>
    </message>
    <message>
        <source>The header row needs a column 身份证号 (residentId) or 姓名 (name).</source>
        <translation>表头中需要“身份证号”列或“姓名”列。</translation>
    </message>
    <message>
        <source>Row %1: %2 is not a valid resident ID number.</source>
        <translation>第 %1 行：%2 不是有效的身份证号。</translation>
    </message>
    <message>
        <source>Row %1: the same resident ID number is already in row %2.</source>
        <translation>第 %1 行：相同的身份证号已在第 %2 行出现。</translation>
    </message>
    <message>
        <source>Row %1: the server checks no more resident ID numbers for your institution today; import the sheet again tomorrow, or confirm this person in the table.</source>
        <translation>第 %1 行：服务器今天不再为贵机构核对身份证号；请明天重新导入签到表，或在表格中确认此人。</translation>
    </message>
    <message>
        <source>Row %1: the server matched an enrolment this computer does not have yet; synchronise and import the sheet again.</source>
        <translation>第 %1 行：服务器匹配到的报名记录本机尚未同步；请同步后重新导入签到表。</translation>
    </message>
</context>
<context>
    <name>CommandLineSync</name>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>This computer keeps no local data: nothing to sync.</source>
        <translation>这台计算机不保存本地数据，无可同步。</translation>
    </message>
    <message>
        <source>No server address: give one with --server.</source>
        <translation>没有服务器地址：请用 --server 指定。</translation>
    </message>
    <message>
        <source>No username: give one with --user.</source>
        <translation>没有用户名：请用 --user 指定。</translation>
    </message>
    <message>
        <source>No password: write it on standard input.</source>
        <translation>没有密码：请从标准输入写入密码。</translation>
    </message>
    <message>
        <source>Trusted the certificate of %1 (SHA-256 %2).</source>
        <translation>已信任 %1 的证书（SHA-256 %2）。</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since it was trusted on this computer. Trusted: %2. Now: %3. Ask the server&apos;s administrator whether it was replaced; only then run again with --trust-certificate %3.</source>
        <translation>%1 的证书与这台计算机上已信任的不同。已信任：%2。现在：%3。请先向服务器管理员确认证书是否已更换，确认后再加 --trust-certificate %3 重新运行。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted. Its SHA-256 fingerprint is %2. Compare it with the one the server&apos;s administrator gave you; if they match, run again with --trust-certificate %2.</source>
        <translation>%1 的证书未被信任，其 SHA-256 指纹为 %2。请与服务器管理员提供的指纹核对；一致时，加 --trust-certificate %2 重新运行。</translation>
    </message>
    <message>
        <source>Not logged in: %1</source>
        <translation>未登录：%1</translation>
    </message>
    <message>
        <source>The server cannot be reached: nothing was synced.</source>
        <translation>无法连接服务器：未同步任何数据。</translation>
    </message>
    <message>
        <source>The local cache cannot be opened: %1</source>
        <translation>无法打开本地缓存：%1</translation>
    </message>
    <message>
        <source>Syncing with %1 as %2…</source>
        <translation>正在以 %2 的身份与 %1 同步…</translation>
    </message>
    <message>
        <source>The sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Synced. Records in the cache: %1.</source>
        <translation>同步完成。本地缓存中的记录：%1 条。</translation>
    </message>
    <message>
        <source>Local cache: %1</source>
        <translation>本地缓存：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent yet and wait for the next sync.</source>
        <translation>
            <numerusform>%n 项更改暂未发送，将在下次同步时发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused by the server or conflict with a change made elsewhere: open Xueshi to review them.</source>
        <translation>
            <numerusform>%n 项更改被服务器拒绝或与别处的更改冲突：请打开学时查看处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloaded %1 of %2 changes</source>
        <translation>已下载 %1 / %2 项更改</translation>
    </message>
</context>
<context>
    <name>DeclarationRules</name>
    <message>
        <source>Enter the training content.</source>
        <translation>请填写培训内容。</translation>
    </message>
    <message>
        <source>The training content may have at most %1 characters.</source>
        <translation>培训内容最多 %1 个字。</translation>
    </message>
    <message>
        <source>The training content must not contain line breaks, tabs or other control characters.</source>
        <translation>培训内容不能包含换行、制表符等控制字符。</translation>
    </message>
    <message>
        <source>Enter the organiser.</source>
        <translation>请填写主办单位。</translation>
    </message>
    <message>
        <source>The organiser may have at most %1 characters.</source>
        <translation>主办单位最多 %1 个字。</translation>
    </message>
    <message>
        <source>The organiser must not contain line breaks, tabs or other control characters.</source>
        <translation>主办单位不能包含换行、制表符等控制字符。</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD.</source>
        <translation>请按 YYYY-MM-DD 格式填写日期。</translation>
    </message>
    <message>
        <source>The date must be in 2000 or later.</source>
        <translation>日期不能早于 2000 年。</translation>
    </message>
    <message>
        <source>The training cannot end before it starts.</source>
        <translation>培训结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The training must have ended: its end date %1 is after today (%2).</source>
        <translation>培训须已结束：结束日期 %1 晚于今天（%2）。</translation>
    </message>
    <message>
        <source>Enter at least 1 training day.</source>
        <translation>参训天数至少为 1 天。</translation>
    </message>
    <message>
        <source>%1 training days do not fit between %2 and %3, which hold %4 days.</source>
        <translation>%2 至 %3 共 %4 天，容纳不下 %1 个参训天数。</translation>
    </message>
    <message>
        <source>Enter at least 0.1 hours.</source>
        <translation>学时至少为 0.1。</translation>
    </message>
    <message>
        <source>%1 hours for %2 training day is more than the %3 allowed (at most %4 hours a training day).</source>
        <translation>%2 个参训天数申报 %1 学时，超过了允许的 %3 学时（每个参训天数最多 %4 学时）。</translation>
    </message>
    <message>
        <source>%1 hours for %2 training days is more than the %3 allowed (at most %4 hours a training day).</source>
        <translation>%2 个参训天数申报 %1 学时，超过了允许的 %3 学时（每个参训天数最多 %4 学时）。</translation>
    </message>
    <message>
        <source>Choose the professional series of professional hours.</source>
        <translation>申报专业课学时须选择专业系列。</translation>
    </message>
    <message>
        <source>Choose a professional series from the list.</source>
        <translation>请从列表中选择专业系列。</translation>
    </message>
    <message>
        <source>Elective hours have no professional series.</source>
        <translation>选修课学时不填专业系列。</translation>
    </message>
    <message>
        <source>Choose elective subjects or professional subjects as the subject type.</source>
        <translation>科目类型请选择选修科目或专业科目。</translation>
    </message>
</context>
<context>
    <name>DeclarationText</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Awaiting the employer&apos;s review</source>
        <translation>待单位审核</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>This address does not accept the method %1.</source>
        <translation>此地址不支持 %1 方法。</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>此地址不存在。</translation>
    </message>
    <message>
        <source>The server could not complete the request. Nothing was changed; please try again later.</source>
        <translation>服务器未能完成请求，未作任何更改。请稍后再试。</translation>
    </message>
    <message>
        <source>The request is malformed.</source>
        <translation>请求格式不正确。</translation>
    </message>
    <message>
        <source>The request took too long to arrive.</source>
        <translation>请求传输时间过长。</translation>
    </message>
    <message>
        <source>The request must say how long its body is (Content-Length).</source>
        <translation>请求必须注明正文长度（Content-Length）。</translation>
    </message>
    <message>
        <source>The request body is too large.</source>
        <translation>请求正文过大。</translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation>请求头过大。</translation>
    </message>
    <message>
        <source>Chunked request bodies are not supported.</source>
        <translation>不支持分块传输的请求正文。</translation>
    </message>
    <message>
        <source>Only HTTP/1.1 and HTTP/1.0 are supported.</source>
        <translation>仅支持 HTTP/1.1 和 HTTP/1.0。</translation>
    </message>
    <message>
        <source>The request body is not a valid JSON object.</source>
        <translation>请求正文不是有效的 JSON 对象。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not accepted here.</source>
        <translation>此处不接受字段“%1”。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a string.</source>
        <translation>字段“%1”必须是字符串。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is required.</source>
        <translation>缺少必填字段“%1”。</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>The username &quot;%1&quot; is already taken. Please choose another one.</source>
        <translation>用户名“%1”已被使用，请换一个。</translation>
    </message>
    <message>
        <source>An account with this resident ID number already exists. Use &apos;Recover username&apos; if you forgot it.</source>
        <translation>此身份证号已注册过账号。如忘记账号，请使用【账号找回】。</translation>
    </message>
    <message>
        <source>This username or resident ID number was registered a moment ago. Please check and try again.</source>
        <translation>此用户名或身份证号刚刚已被注册，请核对后重试。</translation>
    </message>
    <message>
        <source>The administrative region code is unknown.</source>
        <translation>行政区划代码不存在。</translation>
    </message>
    <message>
        <source>An organisation with this unified social credit code is already registered. Use &apos;Recover username&apos; if you forgot its account.</source>
        <translation>此统一社会信用代码已注册过单位账号。如忘记账号，请使用【账号找回】。</translation>
    </message>
    <message>
        <source>This username or credit code was registered a moment ago. Please check and try again.</source>
        <translation>此用户名或统一社会信用代码刚刚已被注册，请核对后重试。</translation>
    </message>
    <message>
        <source>Too many failed logins: this account is locked for 15 minutes. Try again in %1 minute(s), or reset the password with &apos;Recover password&apos;.</source>
        <translation>登录失败次数过多，此账号已被锁定 15 分钟。请在 %1 分钟后重试，或通过【密码找回】重置密码。</translation>
    </message>
    <message>
        <source>The username or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Your session has expired. Please log in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>The account was not found.</source>
        <translation>找不到该账号。</translation>
    </message>
    <message>
        <source>You may not see this account.</source>
        <translation>您无权查看此账号。</translation>
    </message>
    <message>
        <source>Say whether the organisation is an employer or an institution.</source>
        <translation>请说明单位是法人单位还是培训机构。</translation>
    </message>
    <message>
        <source>Enter either a resident ID number or a unified social credit code.</source>
        <translation>请输入身份证号或统一社会信用代码（二者之一）。</translation>
    </message>
    <message>
        <source>The channel must be &quot;mobile&quot; or &quot;email&quot;.</source>
        <translation>接收方式必须是“mobile”（手机）或“email”（电子邮箱）。</translation>
    </message>
    <message>
        <source>A code was sent less than a minute ago. Please wait %1 seconds before asking for another.</source>
        <translation>验证码发送未满一分钟，请等待 %1 秒后再获取。</translation>
    </message>
    <message>
        <source>Xueshi verification code</source>
        <translation>学时验证码</translation>
    </message>
    <message>
        <source>[Xueshi] Your verification code for recovering your username is %1. It is valid for 10 minutes. If you did not ask for it, ignore this message.</source>
        <translation>【学时】您找回账号的验证码是 %1，10 分钟内有效。如非本人操作，请忽略本消息。</translation>
    </message>
    <message>
        <source>[Xueshi] Your verification code for resetting your password is %1. It is valid for 10 minutes. If you did not ask for it, ignore this message.</source>
        <translation>【学时】您重置密码的验证码是 %1，10 分钟内有效。如非本人操作，请忽略本消息。</translation>
    </message>
    <message>
        <source>This verification request is unknown. Please ask for a new code.</source>
        <translation>此验证请求不存在，请重新获取验证码。</translation>
    </message>
    <message>
        <source>This verification code has already been used or replaced by a newer one. Please ask for a new code.</source>
        <translation>此验证码已被使用或已被新的验证码取代，请重新获取验证码。</translation>
    </message>
    <message>
        <source>Too many wrong codes were entered. Please ask for a new code.</source>
        <translation>验证码输错次数过多，请重新获取验证码。</translation>
    </message>
    <message>
        <source>The verification code has expired (codes are valid for 10 minutes). Please ask for a new code.</source>
        <translation>验证码已过期（有效期 10 分钟），请重新获取验证码。</translation>
    </message>
    <message>
        <source>The verification code is wrong. %1 tries left.</source>
        <translation>验证码错误，还可尝试 %1 次。</translation>
    </message>
    <message>
        <source>limit must be a number from 1 to %1.</source>
        <translation>limit 必须是 1 到 %1 之间的数字。</translation>
    </message>
    <message>
        <source>This file is not on the server.</source>
        <translation>服务器上没有此文件。</translation>
    </message>
    <message>
        <source>The sync cursor is malformed.</source>
        <translation>同步游标格式不正确。</translation>
    </message>
    <message>
        <source>The local copy of your data is out of date and will be downloaded again.</source>
        <translation>本机的数据副本已过期，将重新下载。</translation>
    </message>
    <message>
        <source>&quot;mutations&quot; must be a list.</source>
        <translation>“mutations”必须是列表。</translation>
    </message>
    <message>
        <source>Send at most %1 mutations at a time.</source>
        <translation>每次最多提交 %1 项更改。</translation>
    </message>
    <message>
        <source>Each mutation must be an object.</source>
        <translation>每项更改都必须是对象。</translation>
    </message>
    <message>
        <source>A mutation needs a UUID as its id.</source>
        <translation>每项更改都需要以 UUID 作为 id。</translation>
    </message>
    <message>
        <source>A mutation needs a type.</source>
        <translation>每项更改都需要注明类型。</translation>
    </message>
    <message>
        <source>The mutation&apos;s target is too long.</source>
        <translation>更改的目标过长。</translation>
    </message>
    <message>
        <source>baseVersion must be a whole number.</source>
        <translation>baseVersion 必须是整数。</translation>
    </message>
    <message>
        <source>The payload must be an object.</source>
        <translation>更改内容必须是对象。</translation>
    </message>
    <message>
        <source>The change &quot;%1&quot; is not known to this server.</source>
        <translation>服务器不认识更改类型“%1”。</translation>
    </message>
    <message>
        <source>You may change only your own profile.</source>
        <translation>您只能修改自己的个人信息。</translation>
    </message>
    <message>
        <source>Only learners can study courses and classes.</source>
        <translation>只有专业技术人员可以学习课程和参加培训班。</translation>
    </message>
    <message>
        <source>Only learners send binding requests.</source>
        <translation>只有专业技术人员可以提交绑定申请。</translation>
    </message>
    <message>
        <source>A binding request needs a new UUID as its target.</source>
        <translation>绑定申请需要一个新的 UUID 作为目标。</translation>
    </message>
    <message>
        <source>This binding request already exists.</source>
        <translation>该绑定申请已存在。</translation>
    </message>
    <message>
        <source>This employer is not registered in the system. The employer must first register in the continuing education system.</source>
        <translation>该法人单位尚未在系统中注册，请让单位先行使用继续教育系统进行注册。</translation>
    </message>
    <message>
        <source>This employer has already confirmed you.</source>
        <translation>该法人单位已确认您的身份。</translation>
    </message>
    <message>
        <source>This binding request was not found.</source>
        <translation>未找到该绑定申请。</translation>
    </message>
    <message>
        <source>Only the employer a request is addressed to can decide it.</source>
        <translation>只有申请所指向的法人单位可以处理该申请。</translation>
    </message>
    <message>
        <source>Give the reason for rejecting the request.</source>
        <translation>请填写退回申请的原因。</translation>
    </message>
    <message>
        <source>The reason may have at most 200 characters.</source>
        <translation>原因最多 200 个字符。</translation>
    </message>
    <message>
        <source>Your employer has confirmed your real name and resident ID number; they can no longer be changed here.</source>
        <translation>您的法人单位已确认您的姓名和身份证号码，此处不能再修改。</translation>
    </message>
    <message>
        <source>Choose a gender from the list.</source>
        <translation>请从列表中选择性别。</translation>
    </message>
    <message>
        <source>Choose an education level from the list.</source>
        <translation>请从列表中选择学历。</translation>
    </message>
    <message>
        <source>Choose a professional series from the list.</source>
        <translation>请从列表中选择专业系列。</translation>
    </message>
    <message>
        <source>This field may have at most 50 characters.</source>
        <translation>此项最多 50 个字符。</translation>
    </message>
    <message>
        <source>Your employer has not confirmed your identity yet. You can study once it confirms the binding request you sent from your personal information page.</source>
        <translation>您的法人单位（工作单位）尚未确认您的身份。单位确认您在【人员基本信息维护】中提交的申请后，即可开始学习。</translation>
    </message>
    <message>
        <source>Fill in your personal information before sending the request.</source>
        <translation>请先填写人员基本信息，再提交申请。</translation>
    </message>
    <message>
        <source>The hour record is not valid.</source>
        <translation>学时记录不符合要求。</translation>
    </message>
    <message>
        <source>Only training institutions manage training classes.</source>
        <translation>只有培训机构可以管理培训班。</translation>
    </message>
    <message>
        <source>This training class was not found.</source>
        <translation>未找到该培训班。</translation>
    </message>
    <message>
        <source>This training class belongs to another institution.</source>
        <translation>该培训班属于其他培训机构。</translation>
    </message>
    <message>
        <source>This enrolment was not found.</source>
        <translation>未找到该报名记录。</translation>
    </message>
    <message>
        <source>A training class needs a UUID as its id.</source>
        <translation>培训班的编号必须是 UUID。</translation>
    </message>
    <message>
        <source>Give the date as YYYY-MM-DD.</source>
        <translation>请按 YYYY-MM-DD 格式填写日期。</translation>
    </message>
    <message>
        <source>The class name must have 2 to 100 characters.</source>
        <translation>培训班名称应为 2 至 100 个字符。</translation>
    </message>
    <message>
        <source>Choose elective or professional as the subject type.</source>
        <translation>请选择科目类型：选修课或专业课。</translation>
    </message>
    <message>
        <source>Choose the professional series of a professional class.</source>
        <translation>专业课培训班请选择专业系列。</translation>
    </message>
    <message>
        <source>Choose online or offline as the mode.</source>
        <translation>请选择培训方式：线上或线下。</translation>
    </message>
    <message>
        <source>Give the venue of an offline class.</source>
        <translation>线下培训班请填写培训地点。</translation>
    </message>
    <message>
        <source>The venue may have at most 200 characters.</source>
        <translation>培训地点最多 200 个字符。</translation>
    </message>
    <message>
        <source>The class cannot end before it starts.</source>
        <translation>培训结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>The enrolment deadline cannot be after the class ends.</source>
        <translation>报名截止日期不能晚于培训结束日期。</translation>
    </message>
    <message>
        <source>The hours must be a whole number of tenths from %1 to %2.</source>
        <translation>学时须为 %1 至 %2 之间的整数（以 0.1 学时为单位）。</translation>
    </message>
    <message>
        <source>The capacity must be a whole number from %1 to %2.</source>
        <translation>招生人数须为 %1 至 %2 之间的整数。</translation>
    </message>
    <message>
        <source>The description may have at most 2000 characters.</source>
        <translation>培训班简介最多 2000 个字符。</translation>
    </message>
    <message>
        <source>The capacity cannot be less than the %1 people already enrolled.</source>
        <translation>招生人数不能少于已报名的 %1 人。</translation>
    </message>
    <message>
        <source>The administrator has not approved your institution yet; classes can be published once it is approved.</source>
        <translation>管理员尚未审核通过贵机构，审核通过后才能发布培训班。</translation>
    </message>
    <message>
        <source>An enrolment needs a new UUID as its target.</source>
        <translation>报名记录的编号必须是新的 UUID。</translation>
    </message>
    <message>
        <source>Choose the class to enrol in.</source>
        <translation>请选择要报名的培训班。</translation>
    </message>
    <message>
        <source>This enrolment already exists.</source>
        <translation>该报名记录已存在。</translation>
    </message>
    <message>
        <source>This class no longer accepts enrolments.</source>
        <translation>该培训班已停止报名。</translation>
    </message>
    <message>
        <source>The enrolment deadline of this class (%1) has passed.</source>
        <translation>该培训班的报名截止日期（%1）已过。</translation>
    </message>
    <message>
        <source>This class is for learners whose employer is in %1; your employer is in %2.</source>
        <translation>该培训班只面向单位在%1的人员，您的单位在%2。</translation>
    </message>
    <message>
        <source>You have already enrolled in this class.</source>
        <translation>您已报名该培训班。</translation>
    </message>
    <message>
        <source>This class is full.</source>
        <translation>该培训班名额已满。</translation>
    </message>
    <message>
        <source>Only an enrolment waiting for the institution&apos;s confirmation can be cancelled.</source>
        <translation>只有待培训机构确认的报名才能取消。</translation>
    </message>
    <message>
        <source>This enrolment is for another institution&apos;s class.</source>
        <translation>该报名属于其他培训机构的培训班。</translation>
    </message>
    <message>
        <source>Give the reason for rejecting the enrolment.</source>
        <translation>请填写退回的原因。</translation>
    </message>
    <message>
        <source>List the enrolments whose hours are confirmed.</source>
        <translation>请列出要确认学时的报名人员。</translation>
    </message>
    <message>
        <source>Confirm at most %1 people at a time.</source>
        <translation>每次最多确认 %1 人的学时。</translation>
    </message>
    <message>
        <source>Each entry must be an object.</source>
        <translation>每一项必须是一个对象。</translation>
    </message>
    <message>
        <source>Each entry needs the enrolment&apos;s id.</source>
        <translation>每一项都需要报名记录的编号。</translation>
    </message>
    <message>
        <source>&quot;absent&quot; must be true or false.</source>
        <translation>“absent”必须为 true 或 false。</translation>
    </message>
    <message>
        <source>The hours must be a whole number of tenths.</source>
        <translation>学时须为整数（以 0.1 学时为单位）。</translation>
    </message>
    <message>
        <source>The reason must be text.</source>
        <translation>原因必须是文字。</translation>
    </message>
    <message>
        <source>Entry %1 names the same enrolment as entry %2.</source>
        <translation>第 %1 项与第 %2 项是同一报名记录。</translation>
    </message>
    <message>
        <source>Not enrolled in this class.</source>
        <translation>未报名该培训班。</translation>
    </message>
    <message>
        <source>The hours were already confirmed.</source>
        <translation>学时已确认。</translation>
    </message>
    <message>
        <source>Already recorded as absent.</source>
        <translation>已记为缺勤。</translation>
    </message>
    <message>
        <source>The enrolment has not been confirmed yet.</source>
        <translation>报名尚未确认（已报名待确认）。</translation>
    </message>
    <message>
        <source>The enrolment was rejected or cancelled.</source>
        <translation>报名未通过或已取消。</translation>
    </message>
    <message>
        <source>The hours must be from 0 to the class&apos;s %1.</source>
        <translation>学时须在 0 至培训班学时 %1 之间。</translation>
    </message>
    <message>
        <source>Give the reason for the absence.</source>
        <translation>请填写缺勤原因。</translation>
    </message>
    <message>
        <source>Give the reason for fewer hours than the class&apos;s %1.</source>
        <translation>学时少于培训班学时 %1 时请填写原因。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3.</source>
        <translation>“%1”必须是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>This course does not exist.</source>
        <translation>该课程不存在。</translation>
    </message>
    <message>
        <source>This course cannot count toward %1. Years you can choose now: %2.</source>
        <translation>该课程不能计入 %1 年度。目前可选择的申报年度：%2。</translation>
    </message>
    <message>
        <source>The target of course.select must be the selection&apos;s derived id.</source>
        <translation>course.select 的目标必须是选课记录的派生编号。</translation>
    </message>
    <message>
        <source>You have passed this course; its hours already count toward %1.</source>
        <translation>您已通过该课程，学时已计入 %1 年度，不能再修改申报年度。</translation>
    </message>
    <message>
        <source>You have not chosen this course.</source>
        <translation>您尚未选择该课程。</translation>
    </message>
    <message>
        <source>The target of lesson.study must be the progress row&apos;s derived id.</source>
        <translation>lesson.study 的目标必须是学习进度记录的派生编号。</translation>
    </message>
    <message>
        <source>Choose the course before studying its lessons.</source>
        <translation>请先选择课程，再学习课程内容。</translation>
    </message>
    <message>
        <source>This lesson is not part of the course.</source>
        <translation>该课程中没有这一讲。</translation>
    </message>
    <message>
        <source>This exam attempt does not exist.</source>
        <translation>该次课程作业不存在。</translation>
    </message>
    <message>
        <source>This exam attempt has already been graded.</source>
        <translation>该次课程作业已经评分，不能再次提交。</translation>
    </message>
    <message>
        <source>Finish every lesson before the exam: %1 lessons still need study time.</source>
        <translation>请先完成全部课程学习再做课程作业：还有 %1 讲未达到最少学习时间。</translation>
    </message>
    <message>
        <source>&quot;answers&quot; must map each question&apos;s id to the list of chosen option ids.</source>
        <translation>“answers”必须为每道题的编号对应所选选项编号的列表。</translation>
    </message>
    <message>
        <source>Question &quot;%1&quot; is not part of this exam attempt.</source>
        <translation>题目“%1”不属于该次课程作业。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an option of question &quot;%2&quot;.</source>
        <translation>“%1”不是题目“%2”的选项。</translation>
    </message>
    <message>
        <source>Give a date in the years 2000 to 2100.</source>
        <translation>请填写 2000 年至 2100 年之间的日期。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a date and time in ISO 8601 form with its offset, such as 2026-03-01T02:00:00Z.</source>
        <translation>“%1”须为带时区偏移的 ISO 8601 日期时间，例如 2026-03-01T02:00:00Z。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a NUL character (U+0000).</source>
        <translation>“%1”含有空字符（U+0000）。</translation>
    </message>
    <message>
        <source>The server is busy. Please try again in a few seconds.</source>
        <translation>服务器繁忙，请几秒后再试。</translation>
    </message>
    <message>
        <source>Too many connections from your address. Please try again in a few seconds.</source>
        <translation>来自您所在地址的连接过多，请几秒后再试。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; may have at most %2 characters.</source>
        <translation>字段“%1”最多 %2 个字符。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; contains a NUL character.</source>
        <translation>字段“%1”含有空字符（NUL）。</translation>
    </message>
    <message>
        <source>This account is locked after failed logins from elsewhere. For your safety, log in again from this computer in %1 seconds.</source>
        <translation>此账号因在别处登录失败而被锁定。为了您的账号安全，请在 %1 秒后从本机重新登录。</translation>
    </message>
    <message>
        <source>Too many failed logins from your network address. Please try again in %1 minute(s).</source>
        <translation>您所在网络地址的登录失败次数过多，请在 %1 分钟后重试。</translation>
    </message>
    <message>
        <source>The administrator has not approved your organisation yet; you can confirm staff once it is approved.</source>
        <translation>管理员尚未审核通过贵单位，审核通过后才能确认人员。</translation>
    </message>
    <message>
        <source>List the resident ID numbers to match.</source>
        <translation>请列出要匹配的身份证号。</translation>
    </message>
    <message>
        <source>Match at most %1 resident ID numbers at a time.</source>
        <translation>每次最多匹配 %1 个身份证号。</translation>
    </message>
    <message>
        <source>Each resident ID number must be text of at most %1 characters.</source>
        <translation>每个身份证号都必须是不超过 %1 个字符的文字。</translation>
    </message>
    <message>
        <source>Your institution has used today&apos;s %1 checks of resident ID numbers that do not belong to the enrolled person they resemble. Matching resumes tomorrow (China time); until then confirm people in the table or by name.</source>
        <translation>贵机构今天核对与已报名人员相似但并非其本人的身份证号，已用完 %1 次额度。匹配将于明天（北京时间）恢复；在此之前，请在表格中或按姓名确认人员。</translation>
    </message>
    <message>
        <source>&quot;endedAt&quot; must not be before &quot;startedAt&quot;.</source>
        <translation>“endedAt”不能早于“startedAt”。</translation>
    </message>
    <message>
        <source>%1 of %2 seconds were credited: more seconds were claimed than passed between the start and the end of the study the claim gives.</source>
        <translation>只计入了 %2 秒中的 %1 秒：申报的秒数多于申报所记学习开始至结束之间经过的时间。</translation>
    </message>
    <message>
        <source>%1 of %2 seconds were credited: study time counts only from when the server received the choice of the course, and the rest of this claim lies before it.</source>
        <translation>只计入了 %2 秒中的 %1 秒：学习时间从服务器收到选课时起计算，本次申报的其余时间在此之前。</translation>
    </message>
    <message>
        <source>%1 of %2 seconds were credited: the rest of this time was already credited to your study of this or another lesson, and the same time counts only once.</source>
        <translation>只计入了 %2 秒中的 %1 秒：其余时间已计入您对本讲或其他讲的学习，同一段时间只计算一次。</translation>
    </message>
    <message>
        <source>&quot;finishedAt&quot; must not be before &quot;startedAt&quot;.</source>
        <translation>“finishedAt”不能早于“startedAt”。</translation>
    </message>
    <message>
        <source>The exam ended before it started by the computer&apos;s clock, which was set back during the exam, so its time cannot be judged. Set the clock right and take the exam again.</source>
        <translation>按电脑时钟，课程作业的结束时间早于开始时间：作答期间时钟被调回，因此无法判断用时。请校正时钟后重新做课程作业。</translation>
    </message>
    <message>
        <source>Only an administrator approves organisations.</source>
        <translation>只有管理员可以审核机构。</translation>
    </message>
    <message>
        <source>Give the reason for rejecting the organisation.</source>
        <translation>请填写退回机构注册的原因。</translation>
    </message>
    <message>
        <source>The reason may have at most %1 characters.</source>
        <translation>原因最多 %1 个字符。</translation>
    </message>
    <message>
        <source>This organisation was not found.</source>
        <translation>未找到该机构。</translation>
    </message>
    <message>
        <source>Too many verification codes were requested from your network address today. Please try again in %1 hour(s).</source>
        <translation>今天从您所在网络地址获取验证码的次数过多，请在 %1 小时后重试。</translation>
    </message>
    <message>
        <source>Too many verification codes were requested for this account today. Please try again in %1 hour(s).</source>
        <translation>今天此账号获取验证码的次数过多，请在 %1 小时后重试。</translation>
    </message>
    <message>
        <source>Too many wrong verification codes were entered for this account today. Please try again in %1 hour(s).</source>
        <translation>今天此账号输错验证码的次数过多，请在 %1 小时后重试。</translation>
    </message>
    <message>
        <source>Too many wrong verification codes were entered from your network address today. Please try again in %1 hour(s).</source>
        <translation>今天从您所在网络地址输错验证码的次数过多，请在 %1 小时后重试。</translation>
    </message>
    <message>
        <source>A class can be held only within the institution&apos;s own administrative region (%1).</source>
        <translation>培训班只能在本机构的行政区划（%1）内举办。</translation>
    </message>
    <message>
        <source>Hours can be confirmed once the class has ended (its last day is %1).</source>
        <translation>培训班学习完毕后才能确认学时（最后一天为 %1）。</translation>
    </message>
    <message>
        <source>offset must be a whole number of bytes.</source>
        <translation>offset 必须是整数字节数。</translation>
    </message>
    <message>
        <source>Send the file&apos;s bytes as application/octet-stream.</source>
        <translation>请以 application/octet-stream 发送文件内容。</translation>
    </message>
    <message>
        <source>This declaration was not found.</source>
        <translation>未找到此学时申报。</translation>
    </message>
    <message>
        <source>This attachment was not found.</source>
        <translation>未找到此附件。</translation>
    </message>
    <message>
        <source>Your employer has confirmed this declaration; it can no longer be changed.</source>
        <translation>工作单位已确认此申报，不能再修改。</translation>
    </message>
    <message>
        <source>Only learners declare their own training hours.</source>
        <translation>只有专业技术人员本人可以申报学时。</translation>
    </message>
    <message>
        <source>A declaration needs a UUID as its id.</source>
        <translation>学时申报的 id 必须是 UUID。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a whole number.</source>
        <translation>字段“%1”必须是整数。</translation>
    </message>
    <message>
        <source>Attach proof of the training (a PDF, JPEG or PNG file) before submitting.</source>
        <translation>提交前请上传学习证明（PDF、JPEG 或 PNG 文件）。</translation>
    </message>
    <message>
        <source>Only the HR office of the employer a declaration was submitted to decides it.</source>
        <translation>只有申报所提交的工作单位才能审核此申报。</translation>
    </message>
    <message>
        <source>The administrator has not approved your organisation yet; you can review declarations once it is approved.</source>
        <translation>管理员尚未审核通过贵单位，通过后才能审核学时申报。</translation>
    </message>
    <message>
        <source>Give the reason for returning the declaration.</source>
        <translation>请填写退回申报的原因。</translation>
    </message>
    <message>
        <source>An attachment needs a new UUID (lower case) as its id.</source>
        <translation>附件的 id 必须是新的小写 UUID。</translation>
    </message>
    <message>
        <source>The file name has no usable characters.</source>
        <translation>文件名中没有可用的字符。</translation>
    </message>
    <message>
        <source>The size must be a whole number of bytes, at least 1.</source>
        <translation>大小必须是至少为 1 的整数字节数。</translation>
    </message>
    <message>
        <source>An attachment may have at most %1 MB; this file has %2 MB.</source>
        <translation>每个附件最多 %1 MB，此文件为 %2 MB。</translation>
    </message>
    <message>
        <source>The checksum must be a SHA-256 in 64 hexadecimal digits.</source>
        <translation>校验值必须是 64 位十六进制的 SHA-256。</translation>
    </message>
    <message>
        <source>This attachment id is already used for another file.</source>
        <translation>此附件 id 已用于另一个文件。</translation>
    </message>
    <message>
        <source>A declaration may have at most %1 attachments. Remove one before adding another.</source>
        <translation>每条申报最多 %1 个附件，请先删除一个再添加。</translation>
    </message>
    <message>
        <source>You have stored %1 attachments, the most the server keeps for one person.</source>
        <translation>您已保存 %1 个附件，已达服务器为每人保存的上限。</translation>
    </message>
    <message>
        <source>Send an attachment in pieces of at most %1 KiB.</source>
        <translation>请分块上传附件，每块不超过 %1 KiB。</translation>
    </message>
    <message>
        <source>The piece of the file is empty.</source>
        <translation>文件分块为空。</translation>
    </message>
    <message>
        <source>The server has %1 bytes of this file; send the rest from there.</source>
        <translation>服务器已收到此文件的 %1 字节，请从该处继续上传。</translation>
    </message>
    <message>
        <source>The piece goes past the %1 bytes announced for the file.</source>
        <translation>分块超出了文件声明的 %1 字节。</translation>
    </message>
    <message>
        <source>The file arrived changed (its SHA-256 checksum differs) and was discarded. Upload it again.</source>
        <translation>文件传输后内容有变化（SHA-256 校验值不符），已丢弃，请重新上传。</translation>
    </message>
    <message>
        <source>This file is not a PDF, JPEG or PNG file (whatever its name says) and was discarded. Attach the proof as a PDF, JPEG or PNG file.</source>
        <translation>此文件不是 PDF、JPEG 或 PNG 文件（无论文件名如何），已丢弃。请以 PDF、JPEG 或 PNG 文件上传学习证明。</translation>
    </message>
    <message>
        <source>A submitted declaration keeps at least one attachment. Add another first, or withdraw the declaration.</source>
        <translation>已提交的申报至少保留一个附件。请先添加另一个，或撤回申报。</translation>
    </message>
    <message>
        <source>This certificate was not found.</source>
        <translation>未找到该证书。</translation>
    </message>
    <message>
        <source>A certificate number is XS, the year and ten letters or digits, like XS2026K7M3Q9X2PA.</source>
        <translation>证书编号由 XS、年度和十位字母或数字组成，例如 XS2026K7M3Q9X2PA。</translation>
    </message>
    <message>
        <source>Give the reason for revoking the certificate.</source>
        <translation>请填写撤销证书的原因。</translation>
    </message>
    <message>
        <source>The reason must not contain control characters.</source>
        <translation>原因中不能包含控制字符。</translation>
    </message>
    <message>
        <source>Only learners ask for their own certificates.</source>
        <translation>只有专业技术人员本人可以申请自己的证书。</translation>
    </message>
    <message>
        <source>The year must be a whole number from %1 to %2.</source>
        <translation>年度须为 %1 至 %2 之间的整数。</translation>
    </message>
    <message>
        <source>The confirmed hours of %1 do not meet the year&apos;s requirement yet: %2</source>
        <translation>%1 年度已确认的学时尚未达到要求：%2</translation>
    </message>
    <message>
        <source>Only the administrator revokes certificates.</source>
        <translation>只有管理员可以撤销证书。</translation>
    </message>
    <message>
        <source>This certificate has no current version to revoke: it was revoked already.</source>
        <translation>该证书没有可撤销的现行版本：它已被撤销。</translation>
    </message>
    <message>
        <source>Hours of a policy are between 0 and 1,000.</source>
        <translation>学时要求须在 0 至 1000 学时之间。</translation>
    </message>
    <message>
        <source>The region of a policy is a 6-digit administrative region code of the region table, or none for the national policy.</source>
        <translation>政策的地区须为行政区划表中的 6 位区划代码；全国政策不填地区。</translation>
    </message>
    <message>
        <source>The year is between 2000 and 2100.</source>
        <translation>年度须在 2000 至 2100 之间。</translation>
    </message>
    <message>
        <source>A year requires at least 0.1 hours in total.</source>
        <translation>年度总学时要求至少为 0.1 学时。</translation>
    </message>
    <message>
        <source>The hours of a training day are between 0.1 and 24.</source>
        <translation>每个参训天数的学时须在 0.1 至 24 之间。</translation>
    </message>
    <message>
        <source>The first day is not a valid date.</source>
        <translation>开始日期不是有效日期。</translation>
    </message>
    <message>
        <source>The deadline is not a valid date.</source>
        <translation>截止日期不是有效日期。</translation>
    </message>
    <message>
        <source>The first day to enter hours comes after the deadline.</source>
        <translation>学时录入的开始日期晚于截止日期。</translation>
    </message>
    <message>
        <source>Only a region&apos;s policy can be removed; change the national one instead.</source>
        <translation>只能删除地区政策；全国政策请直接修改。</translation>
    </message>
    <message>
        <source>There is no policy of %1 for the region %2.</source>
        <translation>地区 %2 没有 %1 年度的政策。</translation>
    </message>
    <message>
        <source>count must be 0 or 1.</source>
        <translation>count 只能是 0 或 1。</translation>
    </message>
    <message>
        <source>The server cannot reach its database. Please try again later.</source>
        <translation>服务器暂时无法连接数据库，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>The resident ID number must have 18 characters.</source>
        <translation>身份证号必须是 18 位。</translation>
    </message>
    <message>
        <source>The resident ID number may contain only digits and an X as the last character.</source>
        <translation>身份证号只能包含数字，最后一位可以是 X。</translation>
    </message>
    <message>
        <source>The region code at the start of the resident ID number is unknown.</source>
        <translation>身份证号开头的行政区划代码不存在。</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number is not a real date.</source>
        <translation>身份证号中的出生日期不是有效日期。</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number is before 1900.</source>
        <translation>身份证号中的出生日期早于 1900 年。</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number is in the future.</source>
        <translation>身份证号中的出生日期晚于今天。</translation>
    </message>
    <message>
        <source>Use an upper-case X as the last character of the resident ID number.</source>
        <translation>身份证号最后一位请使用大写 X。</translation>
    </message>
    <message>
        <source>The check digit of the resident ID number is wrong. Check the number for typing errors.</source>
        <translation>身份证号的校验位不正确，请检查是否输错。</translation>
    </message>
    <message>
        <source>The unified social credit code must have 18 characters.</source>
        <translation>统一社会信用代码必须是 18 位。</translation>
    </message>
    <message>
        <source>The unified social credit code may contain only digits and the letters A to Y except I, O, S, V and Z.</source>
        <translation>统一社会信用代码只能包含数字和字母 A–Y（不含 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>Use upper-case letters in the unified social credit code.</source>
        <translation>统一社会信用代码中的字母请使用大写。</translation>
    </message>
    <message>
        <source>The check character of the unified social credit code is wrong. Check the code for typing errors.</source>
        <translation>统一社会信用代码的校验码不正确，请检查是否输错。</translation>
    </message>
    <message>
        <source>The mobile number must have 11 digits.</source>
        <translation>手机号码必须是 11 位数字。</translation>
    </message>
    <message>
        <source>The mobile number must start with 13 to 19, like 13812345678.</source>
        <translation>手机号码须以 13 至 19 开头，如 13812345678。</translation>
    </message>
    <message>
        <source>The e-mail address is too long; it may have at most 254 characters.</source>
        <translation>电子邮箱地址过长，最多 254 个字符。</translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com.</source>
        <translation>请输入正确的电子邮箱地址，如 name@example.com。</translation>
    </message>
    <message>
        <source>The user name must have 4 to 32 characters.</source>
        <translation>用户名须为 4 至 32 个字符。</translation>
    </message>
    <message>
        <source>The user name must start with a letter (a-z, A-Z).</source>
        <translation>用户名须以字母（a-z、A-Z）开头。</translation>
    </message>
    <message>
        <source>The user name may contain only letters a-z and A-Z, digits, underscores, dots and hyphens.</source>
        <translation>用户名只能包含字母 a-z 和 A-Z、数字、下划线、点和连字符。</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>密码至少 8 位。</translation>
    </message>
    <message>
        <source>The password may have at most 128 characters.</source>
        <translation>密码最多 128 位。</translation>
    </message>
    <message>
        <source>The password must contain at least one letter.</source>
        <translation>密码须至少包含一个字母。</translation>
    </message>
    <message>
        <source>The password must contain at least one digit.</source>
        <translation>密码须至少包含一个数字。</translation>
    </message>
    <message>
        <source>The name must not contain line breaks, tabs or other control characters.</source>
        <translation>姓名不能包含换行符、制表符等控制字符。</translation>
    </message>
    <message>
        <source>The name must have 2 to 50 characters.</source>
        <translation>姓名须为 2 至 50 个字符。</translation>
    </message>
    <message>
        <source>The organisation name must not contain line breaks, tabs or other control characters.</source>
        <translation>单位名称不能包含换行符、制表符等控制字符。</translation>
    </message>
    <message>
        <source>The organisation name must have 2 to 100 characters.</source>
        <translation>单位名称须为 2 至 100 个字符。</translation>
    </message>
    <message>
        <source>Enter a mobile number like 13812345678 or a landline number like 020-12345678 (with an optional extension: 020-12345678-123).</source>
        <translation>请输入手机号码（如 13812345678）或固定电话（如 020-12345678，可带分机号：020-12345678-123）。</translation>
    </message>
    <message>
        <source>At most 50 characters.</source>
        <translation>最多 50 个字符。</translation>
    </message>
</context>
<context>
    <name>xueshi::AccountPage</name>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>At least 8 characters, with letters and digits</source>
        <translation>至少 8 位，须同时包含字母和数字</translation>
    </message>
    <message>
        <source>Enter the new password again.</source>
        <translation>请再次输入新密码。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Awaiting administrator approval</source>
        <translation>待管理员审核</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Approved: may run training classes</source>
        <translation>已审核通过，可开展培训班</translation>
    </message>
    <message>
        <source>Not yet approved by an administrator</source>
        <translation>尚未通过管理员审核</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>正在修改密码…</translation>
    </message>
    <message>
        <source>The password has been changed. Other devices logged in with this account have been logged out.</source>
        <translation>密码已修改。此账号在其他设备上的登录已失效。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Your account details, your password, and logging out.</source>
        <translation>查看账号信息、修改密码或退出登录。</translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>账号信息</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Administrative region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Personal data is partly hidden on screen to protect your privacy.</source>
        <translation>为保护您的隐私，个人信息在屏幕上部分隐去显示。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>End the session on this computer. You need your password to log in again.</source>
        <translation>结束本机上的登录。再次登录时需要输入密码。</translation>
    </message>
    <message>
        <source>Institution details</source>
        <translation>机构信息</translation>
    </message>
    <message>
        <source>Employer details</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>Needed to confirm that it is you</source>
        <translation>用于确认是您本人操作</translation>
    </message>
    <message>
        <source>Enter the new password again</source>
        <translation>请再次输入新密码</translation>
    </message>
    <message>
        <source>Contact details can be changed here after the first sync.</source>
        <translation>首次同步完成后，可在此修改联系方式。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent to the server: the values above are this computer&apos;s.</source>
        <translation>
            <numerusform>有 %n 项修改尚未发送到服务器，以上显示的是本机的新值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change contact details</source>
        <translation>修改联系方式</translation>
    </message>
</context>
<context>
    <name>xueshi::AdministratorWindow</name>
    <message>
        <source>Organisation review</source>
        <translation>机构审核</translation>
    </message>
    <message>
        <source>Certificate management</source>
        <translation>证书管理</translation>
    </message>
</context>
<context>
    <name>xueshi::ApiClient</name>
    <message>
        <source>Enter the server address.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid server address.</source>
        <translation>“%1”不是有效的服务器地址。</translation>
    </message>
    <message>
        <source>The server address must start with https://: the connection is always encrypted.</source>
        <translation>服务器地址必须以 https:// 开头：与服务器的连接始终加密。</translation>
    </message>
    <message>
        <source>The certificate of the server %1 has changed since you trusted it. This may be an attack: do not continue unless the administrator confirms the new certificate.</source>
        <translation>服务器 %1 的证书与您此前信任的证书不同。这可能是攻击：除非管理员确认了新证书，否则请勿继续。</translation>
    </message>
    <message>
        <source>The certificate of the server %1 is not trusted yet.</source>
        <translation>服务器 %1 的证书尚未被信任。</translation>
    </message>
    <message>
        <source>The server sent an answer this program cannot read. Is %1 a Xueshi server?</source>
        <translation>服务器返回了本程序无法识别的内容。%1 是学时服务器吗？</translation>
    </message>
    <message>
        <source>The server refused the request (%1).</source>
        <translation>服务器拒绝了请求（%1）。</translation>
    </message>
    <message>
        <source>The server had a problem answering (HTTP %1). Please try again later.</source>
        <translation>服务器处理请求时出现问题（HTTP %1）。请稍后再试。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1). Is %2 a Xueshi server?</source>
        <translation>服务器拒绝了请求（HTTP %1）。%2 是学时服务器吗？</translation>
    </message>
    <message>
        <source>The server %1 refused the connection. Check that the server is running and the address is right.</source>
        <translation>服务器 %1 拒绝连接。请确认服务器正在运行且地址正确。</translation>
    </message>
    <message>
        <source>The server %1 was not found. Check the address and your network connection.</source>
        <translation>找不到服务器 %1。请检查地址和网络连接。</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time. Check your network connection and try again.</source>
        <translation>服务器 %1 未能及时响应。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The server %1 closed the connection unexpectedly. Please try again.</source>
        <translation>服务器 %1 意外断开了连接。请重试。</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established: %2</source>
        <translation>无法与 %1 建立安全连接：%2</translation>
    </message>
    <message>
        <source>The network is not available. Check your network connection.</source>
        <translation>网络不可用。请检查网络连接。</translation>
    </message>
    <message>
        <source>Cannot connect to the server %1: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
</context>
<context>
    <name>xueshi::AttachmentCache</name>
    <message>
        <source>The attachments cannot be saved: the folder %1 cannot be created.</source>
        <translation>无法保存附件：无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The attachments cannot be saved: %1</source>
        <translation>无法保存附件：%1</translation>
    </message>
    <message>
        <source>An attachment from the server is larger than its declaration says; it was not kept.</source>
        <translation>服务器返回的附件大于申报所列大小，未保存。</translation>
    </message>
    <message>
        <source>The attachments could not be downloaded (%1); they are fetched at the next sync.</source>
        <translation>附件无法下载（%1），将在下次同步时重试。</translation>
    </message>
    <message>
        <source>The server refused an attachment (HTTP %1).</source>
        <translation>服务器拒绝了附件（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server refused an attachment (HTTP %1): %2</source>
        <translation>服务器拒绝了附件（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>A downloaded attachment is damaged (its checksum does not match) and was deleted; it is fetched again at the next sync.</source>
        <translation>下载的附件已损坏（校验值不符）并已删除，将在下次同步时重新下载。</translation>
    </message>
    <message>
        <source>The attachments cannot be saved: %1 cannot be written.</source>
        <translation>无法保存附件：无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>xueshi::AttachmentUploads</name>
    <message>
        <source>Save the record before attaching files.</source>
        <translation>请先保存记录再上传附件。</translation>
    </message>
    <message numerus="yes">
        <source>A record can have at most %n attachments.</source>
        <translation>
            <numerusform>每条记录最多 %n 个附件。</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file that can be read.</source>
        <translation>“%1”不是可读取的文件。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is larger than 10 MB. Attach a smaller file (scan it at a lower resolution, for example).</source>
        <translation>“%1”超过 10 MB，请上传较小的文件（例如降低扫描分辨率）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PDF, JPEG or PNG file: its content is something else, whatever its name says.</source>
        <translation>“%1”不是 PDF、JPEG 或 PNG 文件：无论文件名如何，其内容不符。</translation>
    </message>
    <message>
        <source>The attachment cannot be stored on this computer.</source>
        <translation>无法在本机保存附件。</translation>
    </message>
    <message>
        <source>The attachment cannot be stored on this computer: %1</source>
        <translation>无法在本机保存附件：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>“%1”是空文件。</translation>
    </message>
    <message>
        <source>The copy of &quot;%1&quot; on this computer cannot be read.</source>
        <translation>无法读取本机上“%1”的副本。</translation>
    </message>
</context>
<context>
    <name>xueshi::AttendancePreviewDialog</name>
    <message>
        <source>Import attendance: %1</source>
        <translation>导入签到表：%1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Matched person or problem</source>
        <translation>匹配的人员或问题</translation>
    </message>
    <message>
        <source>%1 — absent</source>
        <translation>%1 — 缺勤</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n row(s) can be applied: correct the file and import it again.</source>
        <translation>
            <numerusform>%n 行均无法应用：请修改文件后重新导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) match confirmed enrolments. Apply confirms their hours in one batch.</source>
        <translation>
            <numerusform>%n 行与已确认的报名相符。【应用】将一次性确认他们的学时。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 row(s) can be applied, %2 row(s) have problems and are left out. Apply confirms the good rows in one batch.</source>
        <translation>%1 行可以应用，%2 行有问题，将被略过。【应用】将一次性确认无误的行。</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新核对</translation>
    </message>
    <message>
        <source>Awaiting the server&apos;s check</source>
        <translation>待服务器核对</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a resident ID number await the server&apos;s check: this computer holds masked ID numbers only, so the server says whose number it is, and only rows it matched are applied.</source>
        <translation>
            <numerusform>%n 行填写了身份证号，待服务器核对：本机只保存打码的身份证号，因此由服务器判断号码属于谁，只应用服务器匹配成功的行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>正在询问服务器…</translation>
    </message>
    <message>
        <source>The server refused to check them: %1 Apply leaves these rows out.</source>
        <translation>服务器拒绝核对这些行：%1【应用】时将略过这些行。</translation>
    </message>
    <message>
        <source>The server could not be reached: %1 Until it answers, Apply leaves these rows out; use Check again once connected.</source>
        <translation>无法连接服务器：%1在服务器答复之前，【应用】将略过这些行；连接后请使用【重新核对】。</translation>
    </message>
    <message numerus="yes">
        <source>Your institution may check %n more resident ID number(s) today that resemble an enrolled person&apos;s without being theirs.</source>
        <translation>
            <numerusform>今天贵机构还可核对 %n 个与已报名人员相似但并非其本人的身份证号。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::BindingTableModel</name>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1（尚未发送）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>法人单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>xueshi::BindingText</name>
    <message>
        <source>Waiting for the employer to confirm</source>
        <translation>等待单位确认</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Doctoral graduate</source>
        <translation>博士研究生</translation>
    </message>
    <message>
        <source>Master&apos;s graduate</source>
        <translation>硕士研究生</translation>
    </message>
    <message>
        <source>Bachelor&apos;s degree</source>
        <translation>大学本科</translation>
    </message>
    <message>
        <source>Junior college</source>
        <translation>大学专科</translation>
    </message>
    <message>
        <source>Secondary school or high school</source>
        <translation>中专或高中</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>xueshi::CertificateDocument</name>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Certificate of Continuing Education</source>
        <translation>继续教育证书</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Hours obtained</source>
        <translation>获得学时</translation>
    </message>
    <message>
        <source>Public subjects</source>
        <translation>公需科目</translation>
    </message>
    <message>
        <source>Professional subjects</source>
        <translation>专业科目</translation>
    </message>
    <message>
        <source>Elective subjects</source>
        <translation>选修科目</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Annual requirement: %1 hours in total</source>
        <translation>年度要求：共 %1 学时</translation>
    </message>
    <message>
        <source>Annual certification: %1</source>
        <translation>年度认证情况：%1</translation>
    </message>
    <message>
        <source>Serial number: %1</source>
        <translation>证书编号：%1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>版本：%1</translation>
    </message>
    <message>
        <source>Issued on: %1</source>
        <translation>签发日期：%1</translation>
    </message>
    <message>
        <source>Scan the QR code, or check it in Xueshi under [Verify certificate]</source>
        <translation>扫描二维码，或在学时客户端的【证书验证】中核验</translation>
    </message>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>无法打开打印机或文件。</translation>
    </message>
    <message>
        <source>The certificate&apos;s QR code could not be made.</source>
        <translation>无法生成证书的二维码。</translation>
    </message>
    <message>
        <source>The certificate&apos;s serial number is not valid.</source>
        <translation>证书编号无效。</translation>
    </message>
</context>
<context>
    <name>xueshi::CertificateTrustDialog</name>
    <message>
        <source>Server certificate</source>
        <translation>服务器证书</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed</source>
        <translation>%1 的证书已更改</translation>
    </message>
    <message>
        <source>Warning: the server now presents a different certificate from the one you trusted before. The administrator may have replaced it, or someone may be impersonating the server to read your password (a man-in-the-middle attack). Do not continue unless the administrator confirms the new fingerprint.</source>
        <translation>警告：服务器现在出示的证书与您此前信任的证书不同。可能是管理员更换了证书，也可能是有人冒充服务器以窃取您的密码（中间人攻击）。除非管理员确认了新的指纹，否则请勿继续。</translation>
    </message>
    <message>
        <source>Compare the new fingerprint with the one the administrator gives you. Trust the new certificate only if they are exactly the same.</source>
        <translation>请将新指纹与管理员提供的指纹逐一比对，完全一致时才信任新证书。</translation>
    </message>
    <message>
        <source>Fingerprint you trusted before (SHA-256):</source>
        <translation>此前信任的指纹（SHA-256）：</translation>
    </message>
    <message>
        <source>New fingerprint (SHA-256):</source>
        <translation>新指纹（SHA-256）：</translation>
    </message>
    <message>
        <source>I have checked the new fingerprint with the administrator</source>
        <translation>我已向管理员核实新指纹</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>信任新证书并继续</translation>
    </message>
    <message>
        <source>Do you trust the server %1?</source>
        <translation>是否信任服务器 %1？</translation>
    </message>
    <message>
        <source>This is the first connection to %1 from this computer, and its certificate is not issued by a public certificate authority (the Xueshi server creates its own certificate when it starts for the first time). Check that the fingerprint below is the server&apos;s before you continue.</source>
        <translation>这是本机第一次连接 %1，其证书并非由公共证书机构签发（学时服务器首次启动时会自动生成自己的证书）。继续之前，请确认下面的指纹确实属于该服务器。</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>证书指纹（SHA-256）：</translation>
    </message>
    <message>
        <source>Trust and continue</source>
        <translation>信任并继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>How to check: the server prints its fingerprint when it starts (&quot;Certificate SHA-256 fingerprint: …&quot;); ask its administrator for it and compare every character. Once trusted, the certificate is remembered for this server and you will not be asked again unless it changes.</source>
        <translation>核对方法：服务器启动时会打印其指纹（“Certificate SHA-256 fingerprint: …”），请向服务器管理员索取并逐字比对。信任后，本机会记住该服务器的证书，除非证书更改，否则不会再次询问。</translation>
    </message>
    <message>
        <source>The server sent no certificate; it cannot be trusted.</source>
        <translation>服务器未提供证书，无法信任。</translation>
    </message>
    <message>
        <source>Issued to: %1
Issued by: %2
Valid from %3 to %4
Why it is not trusted automatically: %5</source>
        <translation>颁发给：%1
颁发者：%2
有效期：%3 至 %4
未被自动信任的原因：%5</translation>
    </message>
</context>
<context>
    <name>xueshi::CertificateVerifier</name>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Tampered with (%1)</source>
        <translation>已被篡改（%1）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Invalid signature</source>
        <translation>签名无效</translation>
    </message>
    <message>
        <source>Unknown signing key</source>
        <translation>未知的签发密钥</translation>
    </message>
    <message>
        <source>Not a Xueshi certificate</source>
        <translation>不是学时系统签发的证书</translation>
    </message>
    <message>
        <source>No QR code found</source>
        <translation>未找到二维码</translation>
    </message>
    <message>
        <source>Unknown to the server</source>
        <translation>服务器上没有该证书</translation>
    </message>
    <message>
        <source>Not checked online: %1</source>
        <translation>未能在线核验：%1</translation>
    </message>
    <message>
        <source>This version is unknown to the server</source>
        <translation>服务器上没有该版本</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <source>Revoked: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Superseded by version %1</source>
        <translation>已被第 %1 版取代</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Public subjects</source>
        <translation>公需科目</translation>
    </message>
    <message>
        <source>Professional subjects</source>
        <translation>专业科目</translation>
    </message>
    <message>
        <source>Elective subjects</source>
        <translation>选修科目</translation>
    </message>
    <message>
        <source>Total hours</source>
        <translation>总学时</translation>
    </message>
    <message>
        <source>Required hours</source>
        <translation>要求学时</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>认证结果</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <source>No QR code was found in the image.</source>
        <translation>图片中未找到二维码。</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB.</source>
        <translation>文件超过 %1 MB。</translation>
    </message>
    <message>
        <source>The PDF could not be read.</source>
        <translation>无法读取该 PDF。</translation>
    </message>
    <message>
        <source>No QR code was found on the first page of the PDF.</source>
        <translation>PDF 第一页上未找到二维码。</translation>
    </message>
    <message>
        <source>The file is neither a PDF nor an image.</source>
        <translation>该文件既不是 PDF 也不是图片。</translation>
    </message>
    <message>
        <source>The image is larger than %1 megapixels.</source>
        <translation>图片超过 %1 百万像素。</translation>
    </message>
    <message>
        <source>The image could not be read: %1</source>
        <translation>无法读取图片：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1（已被改动）</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>签发密钥</translation>
    </message>
    <message>
        <source>The text printed on the page matches the QR code.</source>
        <translation>页面上印刷的内容与二维码一致。</translation>
    </message>
    <message>
        <source>The serial number is not valid.</source>
        <translation>证书编号无效。</translation>
    </message>
    <message>
        <source>No server address is set.</source>
        <translation>尚未设置服务器地址。</translation>
    </message>
    <message>
        <source>Not an Ed25519 public key in base64 (32 bytes): %1</source>
        <translation>不是 base64 编码的 Ed25519 公钥（32 字节）：%1</translation>
    </message>
    <message>
        <source>%1 (server %2)</source>
        <translation>%1（服务器 %2）</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
</context>
<context>
    <name>xueshi::CertificatesPage</name>
    <message>
        <source>The server has not issued the certificate yet. Try again when the connection is better.</source>
        <translation>服务器尚未签发证书。请在网络较好时重试。</translation>
    </message>
    <message>
        <source>The certificate could not be issued now: %1</source>
        <translation>暂时无法签发证书：%1</translation>
    </message>
    <message>
        <source>The server did not issue the certificate: %1</source>
        <translation>服务器未签发证书：%1</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>No. %1 revoked: %2</source>
        <translation>第 %1 号已撤销：%2</translation>
    </message>
    <message>
        <source>No. %1 (version %2) issued; the hours changed since: printing issues a new version</source>
        <translation>第 %1 号（第 %2 版）已签发；此后学时有变化，打印时将签发新版本</translation>
    </message>
    <message>
        <source>No. %1, version %2, issued %3</source>
        <translation>第 %1 号，第 %2 版，%3 签发</translation>
    </message>
    <message>
        <source>Not issued yet: printing asks the server for it</source>
        <translation>尚未签发：打印时向服务器申请</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>%1: annual certification</source>
        <translation>%1 年度认证</translation>
    </message>
    <message>
        <source>Annual certification: %1</source>
        <translation>年度认证情况：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 hours are awaiting confirmation and do not count yet.</source>
        <translation>另有 %1 学时待确认，暂不计入。</translation>
    </message>
    <message>
        <source>Hour records that count (%1)</source>
        <translation>计入的学时记录（%1）</translation>
    </message>
    <message>
        <source>Awaiting confirmation, not counted (%1)</source>
        <translation>待确认、暂不计入的学时记录（%1）</translation>
    </message>
    <message>
        <source>Certificate No. %1 (version %2) was issued on %3.</source>
        <translation>证书第 %1 号（第 %2 版）已于 %3 签发。</translation>
    </message>
    <message>
        <source>The certificate is issued by the server when you print it (a connection is needed once).</source>
        <translation>证书在打印时由服务器签发（需要联网一次）。</translation>
    </message>
    <message>
        <source>A certificate can be printed once the year&apos;s hours meet the requirement.</source>
        <translation>年度学时达到要求后即可打印证书。</translation>
    </message>
    <message>
        <source>The selected year has not passed yet.</source>
        <translation>所选年度尚未通过认证。</translation>
    </message>
    <message>
        <source>%1 has not passed: %2</source>
        <translation>%1 年度未通过：%2</translation>
    </message>
    <message>
        <source>Offline: this is the certificate issued last (version %1). A version with the new hours is issued once you are online.</source>
        <translation>离线：这是最近签发的证书（第 %1 版）。联网后将签发包含新学时的版本。</translation>
    </message>
    <message>
        <source>The server issues and signs the certificate: connect to the network once, then print again.</source>
        <translation>证书由服务器签发并签名：请先联网，再重新打印。</translation>
    </message>
    <message>
        <source>Asking the server to issue the certificate…</source>
        <translation>正在向服务器申请签发证书…</translation>
    </message>
    <message>
        <source>Certificate No. %1 was revoked: %2</source>
        <translation>证书第 %1 号已被撤销：%2</translation>
    </message>
    <message>
        <source>Certificate %1 %2.pdf</source>
        <translation>继续教育证书 %1 %2.pdf</translation>
    </message>
    <message>
        <source>Save the certificate as PDF</source>
        <translation>将证书保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The certificate could not be saved: %1</source>
        <translation>无法保存证书：%1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Certificate %1 %2</source>
        <translation>继续教育证书 %1 %2</translation>
    </message>
    <message>
        <source>Certificate print preview</source>
        <translation>证书打印预览</translation>
    </message>
    <message>
        <source>Print the certificate</source>
        <translation>打印证书</translation>
    </message>
    <message>
        <source>The certificate could not be printed: %1</source>
        <translation>无法打印证书：%1</translation>
    </message>
    <message>
        <source>Certificate printing</source>
        <translation>继续教育证书打印</translation>
    </message>
    <message>
        <source>Verify a certificate…</source>
        <translation>证书验证…</translation>
    </message>
    <message>
        <source>Download PDF</source>
        <translation>证书下载</translation>
    </message>
    <message>
        <source>Online printing</source>
        <translation>在线打印</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Public subjects</source>
        <translation>公需科目</translation>
    </message>
    <message>
        <source>Professional subjects</source>
        <translation>专业科目</translation>
    </message>
    <message>
        <source>Elective subjects</source>
        <translation>选修科目</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Annual certification</source>
        <translation>年度认证情况</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Course or training</source>
        <translation>课程或培训</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassDetails</name>
    <message>
        <source>Class</source>
        <translation>培训班</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>培训方式</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>培训地点</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Enrolment deadline</source>
        <translation>报名截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>培训班简介</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassDetailsDialog</name>
    <message>
        <source>Enrol</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Enrolled. The enrolment is sent to the institution at the next sync; it shows in My classes as awaiting confirmation.</source>
        <translation>已报名。报名将在下次同步时发送给培训机构；在【培训班情况查看】中显示为“已报名待确认”。</translation>
    </message>
    <message>
        <source>Training class</source>
        <translation>培训班</translation>
    </message>
    <message>
        <source>This class is no longer offered.</source>
        <translation>该培训班已不再开放。</translation>
    </message>
    <message>
        <source>Your enrolment was refused by the server: %1</source>
        <translation>服务器拒绝了您的报名：%1</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassEditDialog</name>
    <message>
        <source>New training class</source>
        <translation>新建培训班</translation>
    </message>
    <message>
        <source>Edit training class</source>
        <translation>编辑培训班</translation>
    </message>
    <message>
        <source>Class name</source>
        <translation>培训班名称</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>专业系列</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>培训方式</translation>
    </message>
    <message>
        <source>Administrative region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>培训地点</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Enrolment deadline</source>
        <translation>报名截止日期</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>培训班简介</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Required for an in-person class.</source>
        <translation>线下培训必填。</translation>
    </message>
    <message>
        <source>For example 24 or 7.5.</source>
        <translation>例如 24 或 7.5。</translation>
    </message>
    <message>
        <source>Enter the class name (2 to 100 characters).</source>
        <translation>请填写培训班名称（2 至 100 个字符）。</translation>
    </message>
    <message>
        <source>A professional class needs its professional series.</source>
        <translation>专业课培训班须选择专业系列。</translation>
    </message>
    <message>
        <source>Choose the region whose learners may enrol (a province or city covers the districts inside it).</source>
        <translation>请选择可报名学员所在的行政区划（选择省或市即包括其下所有区县）。</translation>
    </message>
    <message>
        <source>Enter the venue of an in-person class.</source>
        <translation>请填写线下培训的培训地点。</translation>
    </message>
    <message>
        <source>The class cannot end before it starts.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Enter the hours, from 0.1 to 200, with at most one decimal place.</source>
        <translation>请填写学时，0.1 至 200，最多一位小数。</translation>
    </message>
    <message>
        <source>At least one place.</source>
        <translation>至少一个名额。</translation>
    </message>
    <message>
        <source>At least %1: that many people are enrolled already.</source>
        <translation>至少 %1 个：已有这么多人报名。</translation>
    </message>
    <message>
        <source>The enrolment deadline cannot be after the class ends.</source>
        <translation>报名截止日期不能晚于培训结束日期。</translation>
    </message>
    <message>
        <source>At most 2000 characters (now %1).</source>
        <translation>最多 2000 个字符（现为 %1 个）。</translation>
    </message>
    <message>
        <source>A class can be held only within your institution&apos;s administrative region (%1).</source>
        <translation>培训班只能在本机构的行政区划（%1）内举办。</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassEnrolmentPage</name>
    <message>
        <source>Training class enrolment is available once your employer has confirmed you (Personal information).</source>
        <translation>法人单位确认您的身份后，才能报名参加培训班（【人员基本信息维护】）。</translation>
    </message>
    <message>
        <source>View / enrol</source>
        <translation>查看/报名</translation>
    </message>
    <message>
        <source>This computer keeps no data for this server.</source>
        <translation>本机没有保存该服务器的数据。</translation>
    </message>
    <message>
        <source>No classes are listed: training class enrolment is available once your employer has confirmed you (Personal information).</source>
        <translation>没有可显示的培训班：法人单位确认您的身份后，才能报名参加培训班（【人员基本信息维护】）。</translation>
    </message>
    <message>
        <source>Classes open to staff of %1, in %2.</source>
        <translation>面向%1职工的培训班，所在行政区划：%2。</translation>
    </message>
    <message>
        <source>There are no training classes run by training institutions in the region of your employer (%1).</source>
        <translation>您的工作单位所在行政区划（%1）暂无培训机构开展的培训班。</translation>
    </message>
    <message>
        <source>Your enrolment in %1 was refused: %2</source>
        <translation>您报名的“%1”被拒绝：%2</translation>
    </message>
    <message>
        <source>a class</source>
        <translation>一个培训班</translation>
    </message>
    <message>
        <source>Class enrolment</source>
        <translation>培训班报名申请</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassText</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Accepting enrolment</source>
        <translation>接受报名</translation>
    </message>
    <message>
        <source>Enrolment stopped</source>
        <translation>停止报名</translation>
    </message>
    <message>
        <source>Enrolled, awaiting confirmation</source>
        <translation>已报名待确认</translation>
    </message>
    <message>
        <source>Enrolment successful</source>
        <translation>报名成功</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Hours obtained</source>
        <translation>已获得学时</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Elective</source>
        <translation>选修课</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>专业课</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>线下</translation>
    </message>
    <message>
        <source>You have already enrolled in this class.</source>
        <translation>您已报名该培训班。</translation>
    </message>
    <message>
        <source>The institution has stopped enrolment for this class.</source>
        <translation>培训机构已停止该培训班的报名。</translation>
    </message>
    <message>
        <source>The enrolment deadline (%1) has passed.</source>
        <translation>报名截止日期（%1）已过。</translation>
    </message>
    <message>
        <source>The class is full (%1 places).</source>
        <translation>该培训班已报满（%1 个名额）。</translation>
    </message>
    <message>
        <source>%1: the reason is longer than 200 characters.</source>
        <translation>%1：原因超过 200 个字符。</translation>
    </message>
    <message>
        <source>%1 is marked absent: please give the reason.</source>
        <translation>%1 标记为缺勤：请填写原因。</translation>
    </message>
    <message>
        <source>%1: the hours must be between 0 and the class&apos;s %2 hours.</source>
        <translation>%1：学时须在 0 到本班的 %2 学时之间。</translation>
    </message>
    <message>
        <source>%1 gets fewer hours than the class&apos;s %2: please give the reason.</source>
        <translation>%1 的学时少于本班的 %2 学时：请填写原因。</translation>
    </message>
    <message>
        <source>It was changed elsewhere in the meantime; see Sync problems.</source>
        <translation>该数据已在别处被修改，请查看【同步问题】。</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>无法读取服务器的答复。</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassesPage</name>
    <message>
        <source>Your institution must be approved by the administrator before it can publish classes.</source>
        <translation>培训机构须经管理员审核通过后才能发布培训班。</translation>
    </message>
    <message>
        <source>No training classes yet. Click New to prepare one.</source>
        <translation>还没有培训班。点击【新建】准备一个。</translation>
    </message>
    <message>
        <source>Select a class to see its details.</source>
        <translation>选择一个培训班查看详情。</translation>
    </message>
    <message>
        <source>The server refused the last change: %1</source>
        <translation>服务器拒绝了最近一次修改：%1</translation>
    </message>
    <message>
        <source>Saved; sent at the next sync.</source>
        <translation>已保存，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>Enrolment opened: learners of the class&apos;s region see it after the next sync.</source>
        <translation>已开始接受报名：同步后该行政区划的学员即可看到。</translation>
    </message>
    <message>
        <source>Enrolment stopped; sent at the next sync.</source>
        <translation>已停止报名，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>Training classes</source>
        <translation>培训班管理</translation>
    </message>
    <message>
        <source>Your institution has not been approved by the administrator yet. You can prepare classes as drafts, but you can open enrolment only after the approval.</source>
        <translation>您的培训机构尚未通过管理员审核。您可以先以草稿形式准备培训班，审核通过后才能接受报名。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Accept enrolment</source>
        <translation>接受报名</translation>
    </message>
    <message>
        <source>Stop enrolment</source>
        <translation>停止报名</translation>
    </message>
</context>
<context>
    <name>xueshi::ClientController</name>
    <message>
        <source>You have logged out.</source>
        <translation>您已退出登录。</translation>
    </message>
    <message>
        <source>Your session has ended. Please log in again.</source>
        <translation>登录已失效，请重新登录。</translation>
    </message>
</context>
<context>
    <name>xueshi::ClientCore</name>
    <message>
        <source>This account&apos;s data on this computer is in use by another Xueshi program (process %1). Close it, then try again.</source>
        <translation>此计算机上该账号的数据正被另一个学时程序（进程 %1）使用。请先关闭该程序，然后重试。</translation>
    </message>
    <message>
        <source>The lock file of this account&apos;s data cannot be made: %1</source>
        <translation>无法为该账号的数据创建锁文件：%1</translation>
    </message>
</context>
<context>
    <name>xueshi::ComplianceReportModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公需科目</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>专业科目</translation>
    </message>
    <message>
        <source>Elective</source>
        <translation>选修科目</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>认证结果</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>尚缺</translation>
    </message>
</context>
<context>
    <name>xueshi::ComplianceReportPage</name>
    <message>
        <source>The report appears once this computer has synchronised with the server.</source>
        <translation>本机与服务器同步后即显示统计报表。</translation>
    </message>
    <message>
        <source>Reading the report of %1…</source>
        <translation>正在读取 %1 年度的统计报表…</translation>
    </message>
    <message>
        <source>The report could not be read: %1</source>
        <translation>无法读取统计报表：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: &lt;b&gt;%2&lt;/b&gt; staff, &lt;span style=&quot;color:#1b7f3b&quot;&gt;&lt;b&gt;%3&lt;/b&gt; passed&lt;/span&gt;, &lt;span style=&quot;color:#b42b1f&quot;&gt;&lt;b&gt;%4&lt;/b&gt; not passed&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 年度：共 &lt;b&gt;%2&lt;/b&gt; 人，&lt;span style=&quot;color:#1b7f3b&quot;&gt;&lt;b&gt;%3&lt;/b&gt; 人通过&lt;/span&gt;，&lt;span style=&quot;color:#b42b1f&quot;&gt;&lt;b&gt;%4&lt;/b&gt; 人不通过&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Required: %1 hours in total, at least %2 public, %3 professional and %4 elective hours (%5).</source>
        <translation>要求：共 %1 学时，其中公需科目至少 %2 学时、专业科目至少 %3 学时、选修科目至少 %4 学时（%5）。</translation>
    </message>
    <message>
        <source>national policy</source>
        <translation>全国政策</translation>
    </message>
    <message>
        <source>policy of region %1</source>
        <translation>地区 %1 的政策</translation>
    </message>
    <message>
        <source>Hours above one type&apos;s minimum make up another type&apos;s shortfall.</source>
        <translation>某类科目超出要求的学时可抵补其他科目的不足。</translation>
    </message>
    <message numerus="yes">
        <source>%n staff member(s) shown</source>
        <translation>
            <numerusform>显示 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 行到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>compliance-report-%1.csv</source>
        <translation>统计报表-%1.csv</translation>
    </message>
    <message>
        <source>Continuing education report %1</source>
        <translation>%1 年度继续教育统计报表</translation>
    </message>
    <message>
        <source>%1 staff, %2 passed, %3 not passed</source>
        <translation>共 %1 人，%2 人通过，%3 人不通过</translation>
    </message>
    <message>
        <source>only those not passing</source>
        <translation>只看未通过</translation>
    </message>
    <message>
        <source>names containing “%1”</source>
        <translation>姓名包含“%1”</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>显示：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Printed on %1</source>
        <translation>打印日期：%1</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <source>Only those not passing</source>
        <translation>只看未通过</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>按姓名筛选</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Staff meeting each minimum</source>
        <translation>各项达到要求的人数</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达到</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>未达到</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>认证结果</translation>
    </message>
    <message>
        <source>Total hours</source>
        <translation>总学时</translation>
    </message>
    <message>
        <source>Elective subjects</source>
        <translation>选修科目</translation>
    </message>
    <message>
        <source>Professional subjects</source>
        <translation>专业科目</translation>
    </message>
    <message>
        <source>Public subjects</source>
        <translation>公需科目</translation>
    </message>
</context>
<context>
    <name>xueshi::ComplianceText</name>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Public subjects (hours)</source>
        <translation>公需科目（学时）</translation>
    </message>
    <message>
        <source>Professional subjects (hours)</source>
        <translation>专业科目（学时）</translation>
    </message>
    <message>
        <source>Elective subjects (hours)</source>
        <translation>选修科目（学时）</translation>
    </message>
    <message>
        <source>Total (hours)</source>
        <translation>合计（学时）</translation>
    </message>
    <message>
        <source>Pending (hours)</source>
        <translation>待确认（学时）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>认证结果</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>尚缺</translation>
    </message>
</context>
<context>
    <name>xueshi::ContentCache</name>
    <message>
        <source>The download was cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid content identifier.</source>
        <translation>“%1”不是有效的内容标识。</translation>
    </message>
    <message>
        <source>The download cannot be saved: the folder %1 cannot be created.</source>
        <translation>无法保存下载内容：无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The download cannot be saved: %1</source>
        <translation>无法保存下载内容：%1</translation>
    </message>
    <message>
        <source>The server&apos;s answers to the download do not fit together. Please try again later.</source>
        <translation>服务器返回的下载数据前后不一致，请稍后再试。</translation>
    </message>
    <message>
        <source>The download stopped: the certificate of the server %1 is not trusted.</source>
        <translation>下载已停止：服务器 %1 的证书不受信任。</translation>
    </message>
    <message>
        <source>The download was interrupted (%1). It will resume where it stopped.</source>
        <translation>下载中断（%1），稍后将从中断处继续。</translation>
    </message>
    <message>
        <source>The server refused the download (HTTP %1).</source>
        <translation>服务器拒绝了下载请求（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server refused the download (HTTP %1): %2</source>
        <translation>服务器拒绝了下载请求（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>The downloaded file is damaged (its checksum does not match) and was deleted. Please try again.</source>
        <translation>下载的文件已损坏（校验值不符），已删除，请重试。</translation>
    </message>
    <message>
        <source>The download cannot be saved: %1 cannot be created.</source>
        <translation>无法保存下载内容：无法创建 %1。</translation>
    </message>
</context>
<context>
    <name>xueshi::CountdownButton</name>
    <message>
        <source>Resend (%1 s)</source>
        <translation>重新发送（%1 秒）</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>重新发送验证码</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>发送验证码</translation>
    </message>
</context>
<context>
    <name>xueshi::CourseDownload</name>
    <message>
        <source>The content cache is not available.</source>
        <translation>内容缓存不可用。</translation>
    </message>
</context>
<context>
    <name>xueshi::CoursePlatformPage</name>
    <message>
        <source>Download cancelled; what arrived is kept and the next download continues from there.</source>
        <translation>已取消下载；已下载的部分会保留，下次下载将从中断处继续。</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>下载已中断：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n 门课程</numerusform>
        </translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>No public courses are on offer yet. They appear here after a sync once the administrator has published them.</source>
        <translation>目前还没有开设公需课。管理员发布课程后，同步即可在此看到。</translation>
    </message>
    <message>
        <source>Public courses need the data kept on this computer.</source>
        <translation>公需课学习需要在本机保存数据。</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Studying (%1 of %2 lessons complete)</source>
        <translation>学习中（已完成 %1/%2 讲）</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 学时</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n 讲</numerusform>
        </translation>
    </message>
    <message>
        <source>Select course</source>
        <translation>选择课程</translation>
    </message>
    <message>
        <source>This course is no longer offered.</source>
        <translation>该课程已不再开设。</translation>
    </message>
    <message numerus="yes">
        <source>%1 hours (public subject) · %n lesson(s), at least %2 minutes of study in all</source>
        <translation>
            <numerusform>%1 学时（公需科目）· 共 %n 讲，累计至少学习 %2 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Course exam: %1 questions drawn from the question bank, pass mark %2 points of 100, %3 attempt(s), %4 minutes per attempt. It opens when every lesson is complete.</source>
        <translation>课程作业：从题库随机抽取 %1 道题，满分 100 分，%2 分合格，共 %3 次考试机会，每次限时 %4 分钟。全部课程学习完成后开放。</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>课程目录</translation>
    </message>
    <message numerus="yes">
        <source>at least %n minute(s)</source>
        <translation>
            <numerusform>至少学习 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Declaration year: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>申报年度：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Declaration year: &lt;b&gt;%1&lt;/b&gt; (not chosen yet: starting the study selects the course for this year)</source>
        <translation>申报年度：&lt;b&gt;%1&lt;/b&gt;（尚未选择：点击“开始学习”即按此年度选择本课程）</translation>
    </message>
    <message>
        <source>This course cannot count toward any year now.</source>
        <translation>该课程目前不能计入任何申报年度。</translation>
    </message>
    <message>
        <source>The hours of this course have been credited: the year can no longer change.</source>
        <translation>本课程学时已计入，申报年度不能再修改。</translation>
    </message>
    <message>
        <source>Your employer must confirm you before you study.</source>
        <translation>须经工作单位确认后才能学习。</translation>
    </message>
    <message>
        <source>The hours of this course count toward %1. Click &quot;Start studying&quot; to open the catalogue.</source>
        <translation>本课程学时将计入 %1 年度。点击“开始学习”进入课程学习目录。</translation>
    </message>
    <message>
        <source>%1 of %2 lessons complete · declaration year %3</source>
        <translation>已完成 %1/%2 讲 · 申报年度 %3</translation>
    </message>
    <message>
        <source>%1 / %2 min</source>
        <translation>%1 / %2 分钟</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>学习中</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>点击学习</translation>
    </message>
    <message>
        <source>&lt;b&gt;Awaiting grading&lt;/b&gt;: your answers are graded by the server at the next sync.</source>
        <translation>&lt;b&gt;待评分&lt;/b&gt;：下次同步时由服务器评分。</translation>
    </message>
    <message>
        <source>Exam &lt;b&gt;passed&lt;/b&gt; with %1 points.</source>
        <translation>考试&lt;b&gt;通过&lt;/b&gt;，成绩 %1 分。</translation>
    </message>
    <message>
        <source>Exam &lt;b&gt;not passed&lt;/b&gt;: %1 points (pass mark %2).</source>
        <translation>考试&lt;b&gt;未通过&lt;/b&gt;：成绩 %1 分（%2 分合格）。</translation>
    </message>
    <message>
        <source>It was handed in after the time limit.</source>
        <translation>本次答卷超过了答题时限。</translation>
    </message>
    <message>
        <source>%1 hours credited to %2; they are listed in the hour records.</source>
        <translation>已获得 %1 学时，计入 %2 年度，可在“继续教育记录”中查看。</translation>
    </message>
    <message>
        <source>No attempts left.</source>
        <translation>考试机会已用完。</translation>
    </message>
    <message>
        <source>Attempts left: %1 of %2.</source>
        <translation>剩余考试机会：%1 次（共 %2 次）。</translation>
    </message>
    <message>
        <source>Select the course first.</source>
        <translation>请先选择课程。</translation>
    </message>
    <message>
        <source>You have passed this course.</source>
        <translation>您已通过本课程。</translation>
    </message>
    <message>
        <source>The exam opens when every lesson is complete (%1 of %2 so far).</source>
        <translation>全部课程学习完成后才能进入课程作业（目前已完成 %1/%2 讲）。</translation>
    </message>
    <message>
        <source>The exam questions arrive with the next sync.</source>
        <translation>考试题目将在下次同步时下载。</translation>
    </message>
    <message>
        <source>No exam attempt is open.</source>
        <translation>当前没有可作答的考试。</translation>
    </message>
    <message>
        <source>Retake the exam</source>
        <translation>重新考试</translation>
    </message>
    <message>
        <source>Course exam</source>
        <translation>课程作业</translation>
    </message>
    <message>
        <source>Downloading the course&apos;s files…</source>
        <translation>正在下载课程文件……</translation>
    </message>
    <message numerus="yes">
        <source>This course is available offline: all %n file(s) (%1) are on this computer.</source>
        <translation>
            <numerusform>本课程已可离线学习：全部 %n 个文件（%1）已保存在本机。</numerusform>
        </translation>
    </message>
    <message>
        <source>Download every lesson (%1) to study without a network connection.</source>
        <translation>下载全部课程内容（%1），无网络时也可学习。</translation>
    </message>
    <message>
        <source>Public course platform</source>
        <translation>公需课学习平台</translation>
    </message>
    <message>
        <source>Your employer must confirm your identity before you can study public courses: fill in your personal information and submit it to your employer. You can look at the courses meanwhile.</source>
        <translation>须经工作单位确认身份后才能学习公需课：请填写人员基本信息并提交给工作单位确认。在此之前可以浏览课程。</translation>
    </message>
    <message>
        <source>The public courses on offer, by year. Click &quot;View&quot; to see the courses you can select.</source>
        <translation>按年度列出开设的公需课。点击“查看”进入当前可以选择的课程列表。</translation>
    </message>
    <message>
        <source>Public courses</source>
        <translation>公需课</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>课程数</translation>
    </message>
    <message>
        <source>← All public courses</source>
        <translation>← 全部公需课</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>讲数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>← Course list</source>
        <translation>← 课程列表</translation>
    </message>
    <message>
        <source>Change declaration year</source>
        <translation>修改申报年度</translation>
    </message>
    <message>
        <source>Start studying</source>
        <translation>开始学习</translation>
    </message>
    <message>
        <source>← Course introduction</source>
        <translation>← 课程简介</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Studied / required</source>
        <translation>已学 / 要求</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Download for offline study</source>
        <translation>下载离线学习</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your answers were refused by the server&lt;/b&gt;: %1 Send them again or discard them under Sync problems.</source>
        <translation>&lt;b&gt;您的答卷被服务器拒绝&lt;/b&gt;：%1 请在【同步问题】中重新发送或放弃。</translation>
    </message>
</context>
<context>
    <name>xueshi::CourseText</name>
    <message>
        <source>Public subject</source>
        <translation>公需科目</translation>
    </message>
    <message>
        <source>Professional subject</source>
        <translation>专业科目</translation>
    </message>
    <message>
        <source>Elective subject</source>
        <translation>选修科目</translation>
    </message>
    <message>
        <source>Public course</source>
        <translation>公需课</translation>
    </message>
    <message>
        <source>Training class</source>
        <translation>培训班</translation>
    </message>
    <message>
        <source>Self-declared</source>
        <translation>自行申报</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Public courses of %1</source>
        <translation>%1年度公需课</translation>
    </message>
</context>
<context>
    <name>xueshi::DeclarationDialog</name>
    <message>
        <source>Add an hour record</source>
        <translation>学时记录添加</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>培训内容</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Training days</source>
        <translation>参训天数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>专业系列</translation>
    </message>
    <message>
        <source>Proof of the training (PDF, JPEG or PNG, at most 10 MB each, at most 5 files):</source>
        <translation>学习证明（PDF、JPEG 或 PNG，每个不超过 10 MB，最多 5 个）：</translation>
    </message>
    <message>
        <source>Remove the attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Upload attachments</source>
        <translation>附件材料上传</translation>
    </message>
    <message>
        <source>The attachment was removed.</source>
        <translation>附件已删除。</translation>
    </message>
    <message>
        <source>The attachment could not be removed: %1</source>
        <translation>附件删除失败：%1</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>Edit an hour record</source>
        <translation>学时记录修改</translation>
    </message>
    <message numerus="yes">
        <source>At most %1 hours for %n training day(s).</source>
        <translation>
            <numerusform>%n 个参训天数最多可申报 %1 学时。</numerusform>
        </translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Reason for returning it: %1</source>
        <translation>退回原因：%1</translation>
    </message>
    <message>
        <source>%1 (sent)</source>
        <translation>%1（已上传）</translation>
    </message>
    <message>
        <source>%1 (not accepted: %2)</source>
        <translation>%1（未被接受：%2）</translation>
    </message>
    <message>
        <source>%1 (waiting to be sent)</source>
        <translation>%1（待上传）</translation>
    </message>
    <message>
        <source>The record cannot be saved: the local cache is not available.</source>
        <translation>无法保存：本地缓存不可用。</translation>
    </message>
    <message>
        <source>Correct the fields marked above, then save again.</source>
        <translation>请更正上面标出的内容后再保存。</translation>
    </message>
    <message>
        <source>The record could not be saved: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <source>Saved. It is sent to the server with the next sync; attach the proof with &quot;Upload attachments&quot;.</source>
        <translation>已保存，将在下次同步时发送到服务器；请点击【附件材料上传】上传学习证明。</translation>
    </message>
    <message>
        <source>Attachments cannot be stored: the local cache is not available.</source>
        <translation>无法保存附件：本地缓存不可用。</translation>
    </message>
    <message>
        <source>Choose proof of the training</source>
        <translation>选择学习证明</translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG files (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>PDF、JPEG 或 PNG 文件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached. They are sent with the next sync.</source>
        <translation>
            <numerusform>已添加 %n 个文件，将在下次同步时上传。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::DeclarationYearDialog</name>
    <message>
        <source>Change the declaration year</source>
        <translation>修改申报年度</translation>
    </message>
    <message>
        <source>Choose the year whose hours this course counts toward, for example the year of your title application.</source>
        <translation>请选择本课程学时计入的年度，例如职称申报的年度。</translation>
    </message>
    <message>
        <source>Declaration year:</source>
        <translation>申报年度：</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Count the hours of &quot;%1&quot; toward %2?</source>
        <translation>确定将“%1”的学时计入 %2 年度吗？</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>xueshi::EmployerPicker</name>
    <message>
        <source>Copied. Send it to your employer.</source>
        <translation>已复制，请发送给您的单位。</translation>
    </message>
    <message>
        <source>Please register our organisation in the continuing education system Xueshi as an employer (法人单位): choose &quot;Register&quot; on the login window, then &quot;Employer&quot;, and enter the organisation&apos;s name, unified social credit code and region. After that, I can find the organisation and ask it to confirm my identity.</source>
        <translation>请在继续教育系统“学时”中将我们单位注册为法人单位：在登录界面点击【注册】，选择“法人单位”，填写单位名称、统一社会信用代码和所在行政区划。注册后，我就能找到单位并请单位确认我的身份。</translation>
    </message>
    <message>
        <source>If you cannot find your employer (work unit), please ask it to register in the continuing education system first.</source>
        <translation>找不到您所在的法人单位（工作单位）时，请让单位先行使用继续教育系统进行注册</translation>
    </message>
    <message>
        <source>Part of the employer&apos;s name, or its unified social credit code</source>
        <translation>单位名称的一部分，或统一社会信用代码</translation>
    </message>
    <message>
        <source>Copy instructions for the employer</source>
        <translation>复制给单位的注册说明</translation>
    </message>
</context>
<context>
    <name>xueshi::EmployerWindow</name>
    <message>
        <source>Staff</source>
        <translation>人员管理</translation>
    </message>
    <message>
        <source>Hours review</source>
        <translation>学时审核</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>统计报表</translation>
    </message>
</context>
<context>
    <name>xueshi::EnrolmentTableModel</name>
    <message>
        <source>%1 (refused by the server)</source>
        <translation>%1（被服务器拒绝）</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1（尚未发送）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>培训班</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>报名时间</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>xueshi::EnrolmentsPage</name>
    <message>
        <source>Confirm %1</source>
        <translation>确认 %1 人</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Return %1…</source>
        <translation>退回 %1 人…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>No training classes yet: create one in Training classes.</source>
        <translation>还没有培训班：请先在【培训班管理】中新建。</translation>
    </message>
    <message numerus="yes">
        <source>%n enrolment(s) shown, %1 awaiting confirmation in this class.</source>
        <translation>
            <numerusform>显示 %n 条报名，本班有 %1 条待确认。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enrolment(s) confirmed; sent at the next sync.</source>
        <translation>
            <numerusform>已确认 %n 条报名，将在下次同步时发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Return enrolments</source>
        <translation>退回报名</translation>
    </message>
    <message numerus="yes">
        <source>Why are the %n enrolment(s) returned? The learners see this reason.</source>
        <translation>
            <numerusform>为什么退回这 %n 条报名？学员会看到此原因。</numerusform>
        </translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>%n enrolment(s) returned; sent at the next sync.</source>
        <translation>
            <numerusform>已退回 %n 条报名，将在下次同步时发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the roster</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <source>Roster %1.csv</source>
        <translation>名单 %1.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>报名时间</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The roster could not be written to %1: %2</source>
        <translation>名单无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 人导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>报名管理</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>培训班：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Name, resident ID or employer contains…</source>
        <translation>姓名、身份证号或工作单位包含…</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>导出名单</translation>
    </message>
</context>
<context>
    <name>xueshi::ExamDialog</name>
    <message>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>单选题</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>多选题</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>Question %1 ✓</source>
        <translation>第 %1 题 ✓</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>第 %1 题</translation>
    </message>
    <message>
        <source>Answered %1 of %2</source>
        <translation>已答 %1/%2 题</translation>
    </message>
    <message>
        <source>Time left: %1:%2</source>
        <translation>剩余时间 %1:%2</translation>
    </message>
    <message>
        <source>Submit the exam</source>
        <translation>提交答卷</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered yet: they count as wrong. Submit anyway?</source>
        <translation>
            <numerusform>还有 %n 道题未作答，未答题按答错计。仍要提交吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit your answers? They cannot be changed afterwards.</source>
        <translation>确定提交答卷吗？提交后不能再修改。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Continue the exam</source>
        <translation>继续答题</translation>
    </message>
    <message>
        <source>You are not logged in: the answers cannot be kept.</source>
        <translation>您尚未登录，答卷无法保存。</translation>
    </message>
    <message>
        <source>Course exam</source>
        <translation>课程作业</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一题</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
</context>
<context>
    <name>xueshi::HourRecordTableModel</name>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Course or training</source>
        <translation>课程/培训</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>xueshi::HourRecordsPage</name>
    <message>
        <source>No hours yet. Hours appear here when you pass a public course exam, when a training institution confirms your hours, or when your employer confirms hours you declared.</source>
        <translation>暂无学时记录。公需课考试通过、培训机构确认培训班学时或工作单位确认自行申报的学时后，记录将显示在这里。</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Hour records</source>
        <translation>继续教育记录</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Subject type:</source>
        <translation>科目类型：</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Totals per year (confirmed hours)</source>
        <translation>年度学时合计（已确认学时）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认合计</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Attachments are not sent yet: %1</source>
        <translation>附件尚未上传：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (+%2 waiting to be sent)</source>
        <translation>%1（另有 %2 个待上传）</translation>
    </message>
    <message>
        <source>Attach proof of the training (&quot;Upload attachments&quot; in the record) before submitting it.</source>
        <translation>提交前请先上传学习证明（在记录中点击【附件材料上传】）。</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Delete this record and its attachments?</source>
        <translation>删除此记录及其附件？</translation>
    </message>
    <message>
        <source>Submitted to your employer for review. It is sent with the next sync, after its attachments.</source>
        <translation>已提交单位审核，将在附件上传后随下次同步发送。</translation>
    </message>
    <message>
        <source>Withdrawn: the record is a draft again.</source>
        <translation>已撤回，记录恢复为草稿。</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>My declared hours</source>
        <translation>我的学时申报</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>培训内容</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件材料</translation>
    </message>
    <message>
        <source>Add an hour record</source>
        <translation>学时记录添加</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>xueshi::HoursChart</name>
    <message>
        <source>Public</source>
        <translation>公需科目</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>专业科目</translation>
    </message>
    <message>
        <source>Elective</source>
        <translation>选修科目</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Confirmed, minimum met</source>
        <translation>已确认，已达要求</translation>
    </message>
    <message>
        <source>Confirmed, short</source>
        <translation>已确认，未达要求</translation>
    </message>
    <message>
        <source>Pending confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低要求</translation>
    </message>
</context>
<context>
    <name>xueshi::HoursConfirmationPage</name>
    <message>
        <source>No training classes yet: create one in Training classes.</source>
        <translation>还没有培训班：请先在【培训班管理】中新建。</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 hours · %n person(s) awaiting hours.</source>
        <translation>
            <numerusform>%1 · %2 · %3 学时 · %n 人待确认学时。</numerusform>
        </translation>
    </message>
    <message>
        <source>A confirmation of hours was refused by the server: %1</source>
        <translation>服务器拒绝了一次学时确认：%1</translation>
    </message>
    <message>
        <source>Select the people whose hours to confirm.</source>
        <translation>请选择要确认学时的人员。</translation>
    </message>
    <message>
        <source>Nobody in this class awaits the confirmation of hours.</source>
        <translation>本班没有待确认学时的人员。</translation>
    </message>
    <message numerus="yes">
        <source>And %n more.</source>
        <translation>
            <numerusform>另有 %n 人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was confirmed. %1</source>
        <translation>未确认任何人。%1</translation>
    </message>
    <message numerus="yes">
        <source>The hours of %n person(s) are confirmed on this computer and sent at the next sync; the server&apos;s answer for each person is shown below.</source>
        <translation>
            <numerusform>已在本机确认 %n 人的学时，将在下次同步时发送；服务器对每个人的处理结果显示在下方。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import an attendance sheet</source>
        <translation>导入签到表</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is too large for an attendance sheet.</source>
        <translation>%1 过大，不像签到表。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the last confirmation (%1): %2 applied, %3 skipped as already decided, %4 refused.</source>
        <translation>服务器对最近一次学时确认的处理结果（%1）：已确认 %2 人，%3 人此前已处理而略过，%4 人被拒绝。</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Skipped (already decided)</source>
        <translation>已略过（此前已处理）</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Hours confirmation</source>
        <translation>学时确认</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>培训班：</translation>
    </message>
    <message>
        <source>Confirm selected</source>
        <translation>确认所选</translation>
    </message>
    <message>
        <source>Confirm all</source>
        <translation>确认全部</translation>
    </message>
    <message>
        <source>Import attendance sheet…</source>
        <translation>导入签到表…</translation>
    </message>
    <message>
        <source>Result of the last confirmation</source>
        <translation>最近一次学时确认的结果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The class ends on %1: its hours can be confirmed from then on.</source>
        <translation>培训班于 %1 结束，学习完毕后才能确认学时。</translation>
    </message>
</context>
<context>
    <name>xueshi::HoursTableModel</name>
    <message>
        <source>Awaiting hours</source>
        <translation>待确认学时</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1（尚未发送）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>xueshi::InstitutionWindow</name>
    <message>
        <source>Training classes</source>
        <translation>培训班管理</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>报名管理</translation>
    </message>
    <message>
        <source>Hours confirmation</source>
        <translation>学时确认</translation>
    </message>
</context>
<context>
    <name>xueshi::LearnerProfilePage</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Your employer has confirmed your identity, so your real name and resident ID can no longer be changed here. To correct them, ask your employer.</source>
        <translation>法人单位已确认您的身份，姓名和身份证号不能再在此修改。如需更正，请联系您的单位。</translation>
    </message>
    <message>
        <source>Saved on this computer; it is sent at the next sync.</source>
        <translation>已保存在本机，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for the employer to confirm&lt;/b&gt;: your request to %1 was submitted on %2.</source>
        <translation>&lt;b&gt;等待单位确认&lt;/b&gt;：您已于 %2 向 %1 提交申请。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Returned&lt;/b&gt; by %1: %2&lt;br&gt;Correct your details (or choose another employer) and submit again.</source>
        <translation>&lt;b&gt;已退回&lt;/b&gt;（%1）：%2&lt;br&gt;请更正信息（或选择其他单位）后重新提交。</translation>
    </message>
    <message>
        <source>Your request to %1 was withdrawn. Choose your employer and submit again.</source>
        <translation>您向 %1 提交的申请已撤回。请选择所在单位后重新提交。</translation>
    </message>
    <message>
        <source>Not sent yet: it is sent to the server at the next sync.</source>
        <translation>尚未发送：将在下次同步时发送到服务器。</translation>
    </message>
    <message>
        <source>You have not asked an employer to confirm you yet. Fill in your details, choose your employer and click Submit.</source>
        <translation>您尚未提交给法人单位确认。请填写人员基本信息，选择所在单位，然后点击【提交】。</translation>
    </message>
    <message>
        <source>Chosen employer: %1 (%2)</source>
        <translation>已选择单位：%1（%2）</translation>
    </message>
    <message>
        <source>Please choose.</source>
        <translation>请选择。</translation>
    </message>
    <message>
        <source>Your details cannot be saved: this computer keeps no data for this server.</source>
        <translation>无法保存：本机没有保存此服务器的数据。</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的内容。</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <source>Please choose your employer.</source>
        <translation>请选择您所在的单位。</translation>
    </message>
    <message>
        <source>This employer has already confirmed you.</source>
        <translation>该单位已确认您的身份。</translation>
    </message>
    <message>
        <source>Submitted to your employer for confirmation; it is sent at the next sync.</source>
        <translation>已提交给法人单位进行确认，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>人员基本信息维护</translation>
    </message>
    <message>
        <source>Until your employer confirms your identity, public course study, training class enrolment and credit hour declaration are not available.</source>
        <translation>在单位确认您的身份之前，公需课学习、培训班报名和学时申报暂不可用</translation>
    </message>
    <message>
        <source>Confirmation by your employer</source>
        <translation>单位确认</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Your details</source>
        <translation>个人基本信息</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>专业系列</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务/岗位</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Your employer (work unit)</source>
        <translation>法人单位（工作单位）</translation>
    </message>
    <message>
        <source>Search for your employer by part of its name or by its unified social credit code; narrow the search by region if need be.</source>
        <translation>按单位名称的一部分或统一社会信用代码查找您所在的单位；必要时可按行政区划缩小范围。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>History of your employers</source>
        <translation>单位绑定记录</translation>
    </message>
    <message>
        <source>&lt;b&gt;Confirmed&lt;/b&gt;: you are registered as staff of %1. Public courses, training classes and credit hour declaration are available to you.</source>
        <translation>&lt;b&gt;已确认&lt;/b&gt;：您是 %1 的在册人员，可以使用公需课学习、培训班报名和学时申报。</translation>
    </message>
    <message>
        <source>To change your employer, choose the new one and submit: it receives a new request, and your current employer stays until the new one confirms you.</source>
        <translation>如需更换单位，请选择新单位后点击【提交】：新单位会收到新的申请，在新单位确认之前，您仍属于当前单位。</translation>
    </message>
</context>
<context>
    <name>xueshi::LearnerWindow</name>
    <message>
        <source>Personal information</source>
        <translation>人员基本信息维护</translation>
    </message>
    <message>
        <source>Public course platform</source>
        <translation>公需课学习平台</translation>
    </message>
    <message>
        <source>Hour records</source>
        <translation>继续教育记录</translation>
    </message>
    <message>
        <source>Class enrolment</source>
        <translation>培训班报名申请</translation>
    </message>
    <message>
        <source>My classes</source>
        <translation>培训班情况查看</translation>
    </message>
    <message>
        <source>Certificate printing</source>
        <translation>继续教育证书打印</translation>
    </message>
</context>
<context>
    <name>xueshi::LessonViewer</name>
    <message>
        <source>This lesson is not on this computer yet and could not be downloaded (%1).</source>
        <translation>本讲内容尚未保存在本机，且无法下载（%1）。</translation>
    </message>
    <message>
        <source>Connect to the network and open it again, or use &quot;Download for offline study&quot; while you are online.</source>
        <translation>请连接网络后重新打开，或在联网时使用“下载离线学习”。</translation>
    </message>
    <message>
        <source>This lesson is no longer part of the course.</source>
        <translation>本讲已不在该课程中。</translation>
    </message>
    <message>
        <source>Downloading the lesson…</source>
        <translation>正在下载本讲内容……</translation>
    </message>
    <message>
        <source>The lesson&apos;s file could not be read from this computer.</source>
        <translation>无法从本机读取本讲文件。</translation>
    </message>
    <message>
        <source>The lesson&apos;s PDF file could not be opened.</source>
        <translation>无法打开本讲的 PDF 文件。</translation>
    </message>
    <message>
        <source>Studied %1 min / required %2 min</source>
        <translation>已学习 %1 分 / 要求 %2 分</translation>
    </message>
    <message>
        <source>Lesson complete: you have studied it for the required time.</source>
        <translation>本讲已完成：学习时间已达到要求。</translation>
    </message>
    <message>
        <source>Your study time is recorded while this lesson is open.</source>
        <translation>打开本讲期间会记录学习时间。</translation>
    </message>
    <message>
        <source>The server credited %1 of %2 seconds of study.</source>
        <translation>服务器只计入了 %2 秒学习时间中的 %1 秒。</translation>
    </message>
</context>
<context>
    <name>xueshi::LoginWindow</name>
    <message>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Certificate trusted. Logging in…</source>
        <translation>已信任证书，正在登录…</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins: the account is locked for %n minute(s).</source>
        <translation>
            <numerusform>登录失败次数过多，账号已被锁定 %n 分钟。</numerusform>
        </translation>
    </message>
    <message>
        <source>Registration complete. Log in with your new account.</source>
        <translation>注册成功，请使用新账号登录。</translation>
    </message>
    <message>
        <source>Your username has been filled in. Enter your password to log in.</source>
        <translation>已填入您的用户名，请输入密码登录。</translation>
    </message>
    <message>
        <source>Your password has been reset. Log in with the new password.</source>
        <translation>密码已重置，请使用新密码登录。</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Continuing education for professional technical personnel</source>
        <translation>专业技术人员继续教育</translation>
    </message>
    <message>
        <source>For professionals, their employers and training institutions: study public courses, enrol in training classes, record and confirm credit hours.</source>
        <translation>面向专业技术人员、法人单位和培训机构：学习公需课、报名培训班、申报和确认学时。</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>User login</source>
        <translation>用户登录</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Your username</source>
        <translation>请输入用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Recover username</source>
        <translation>账号找回</translation>
    </message>
    <message>
        <source>Recover password</source>
        <translation>密码找回</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Verify certificate</source>
        <translation>证书验证</translation>
    </message>
</context>
<context>
    <name>xueshi::MyClassesPage</name>
    <message>
        <source>Enrolment cancelled; sent at the next sync.</source>
        <translation>已取消报名，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>My classes</source>
        <translation>培训班情况查看</translation>
    </message>
    <message>
        <source>You have not enrolled in a training class yet. Choose one in Class enrolment.</source>
        <translation>您还没有报名培训班。请在【培训班报名申请】中选择。</translation>
    </message>
    <message>
        <source>Cancel enrolment</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>xueshi::OfflineCredentials</name>
    <message>
        <source>Offline login is possible only after you have logged in online once on this computer.</source>
        <translation>只有在本机联网登录过一次之后，才能离线登录。</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords: offline login is locked for %n minute(s).</source>
        <translation>
            <numerusform>密码错误次数过多，离线登录已锁定 %n 分钟。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong password. Too many wrong passwords: offline login is locked for %n minute(s).</source>
        <translation>
            <numerusform>密码错误。密码错误次数过多，离线登录已锁定 %n 分钟。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong password (checked offline against your last online login on this computer). %n try(s) left.</source>
        <translation>
            <numerusform>密码错误（已按本机最近一次联网登录离线核对）。还可尝试 %n 次。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::OrganisationTableModel</name>
    <message>
        <source>%1 (see Sync problems)</source>
        <translation>%1（见同步问题）</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1（尚未发送）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>xueshi::OrganisationText</name>
    <message>
        <source>Awaiting approval</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>法人单位</translation>
    </message>
    <message>
        <source>Training institution</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <source>Approve an organisation</source>
        <translation>审核通过机构</translation>
    </message>
    <message>
        <source>Reject an organisation</source>
        <translation>退回机构注册</translation>
    </message>
    <message>
        <source>Give the reason: the organisation sees it.</source>
        <translation>请填写退回原因，机构将看到此原因。</translation>
    </message>
    <message>
        <source>The reason may have at most %1 characters (now %2).</source>
        <translation>原因最多 %1 个字符（当前 %2 个）。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Another administrator approved %1 first, so your decision was not applied.</source>
        <translation>另一位管理员已先通过了%1，您的审核决定未生效。</translation>
    </message>
    <message>
        <source>Another administrator rejected %1 first (reason: %2), so your decision was not applied.</source>
        <translation>另一位管理员已先退回了%1（原因：%2），您的审核决定未生效。</translation>
    </message>
    <message>
        <source>%1 changed on the server after you saw it, so your decision was not applied. Check its details again before you decide.</source>
        <translation>您查看后%1在服务器上有了更改，您的审核决定未生效。请重新核对其信息后再审核。</translation>
    </message>
    <message>
        <source>%1 changed its details after you saw them (%2), so your decision was not applied. Compare the values below: &quot;Retry&quot; decides on the details as they are now.</source>
        <translation>您查看后%1修改了信息（%2），您的审核决定未生效。请对照下面的数值：“重试”将按现在的信息作出同样的决定。</translation>
    </message>
    <message>
        <source>Your decision met a change on the server; see Sync problems.</source>
        <translation>您的审核决定与服务器上的更改冲突，请查看同步问题。</translation>
    </message>
    <message>
        <source>The server refused your decision: %1</source>
        <translation>服务器拒绝了您的审核决定：%1</translation>
    </message>
    <message>
        <source>Log in to review organisations.</source>
        <translation>请登录后审核机构。</translation>
    </message>
    <message>
        <source>Only an organisation awaiting approval can be approved.</source>
        <translation>只能通过待审核的机构。</translation>
    </message>
    <message>
        <source>Only an organisation awaiting approval can be rejected.</source>
        <translation>只能退回待审核的机构。</translation>
    </message>
</context>
<context>
    <name>xueshi::OrganisationsPage</name>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1（尚未发送）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>No organisation matches the filter.</source>
        <translation>没有符合筛选条件的机构。</translation>
    </message>
    <message>
        <source>Select an organisation to see its details.</source>
        <translation>选择一个机构查看详细信息。</translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s) selected, %1 of them awaiting approval.</source>
        <translation>
            <numerusform>已选择 %n 个机构，其中 %1 个待审核。</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>通过 %1 个</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>%1 shown of %2 · %3 awaiting approval</source>
        <translation>显示 %1 个，共 %2 个 · 待审核 %3 个</translation>
    </message>
    <message numerus="yes">
        <source>%n approval(s) saved; sent at the next sync.</source>
        <translation>
            <numerusform>已保存 %n 个审核通过，将在下次同步时发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected; sent at the next sync.</source>
        <translation>已退回，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>Organisation review</source>
        <translation>机构审核</translation>
    </message>
    <message>
        <source>Employers and training institutions register awaiting approval: an employer confirms staff, and an institution runs classes, only once approved. Check the details against the business registration before you decide; decisions made offline are sent at the next sync.</source>
        <translation>法人单位和培训机构注册后须等待审核：审核通过后，法人单位才能确认人员，培训机构才能开展培训班。请对照工商登记信息核对后再审核；离线时作出的审核决定将在下次同步时发送。</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Search by name, credit code, username, region or contact person…</source>
        <translation>按名称、信用代码、用户名、行政区划或联系人搜索…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>退回…</translation>
    </message>
</context>
<context>
    <name>xueshi::PasswordRecoveryDialog</name>
    <message>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>At least 8 characters, with letters and digits</source>
        <translation>至少 8 位，须同时包含字母和数字</translation>
    </message>
    <message>
        <source>Enter the new password again.</source>
        <translation>请再次输入新密码。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Sending the verification code…</source>
        <translation>正在发送验证码…</translation>
    </message>
    <message>
        <source>Resetting the password…</source>
        <translation>正在重置密码…</translation>
    </message>
    <message>
        <source>Your password has been reset, and you have been logged out everywhere. Log in with the new password.</source>
        <translation>密码已重置，此账号在所有设备上的登录均已失效。请使用新密码登录。</translation>
    </message>
    <message>
        <source>Recover password</source>
        <translation>密码找回</translation>
    </message>
    <message>
        <source>A verification code is sent to the mobile phone or e-mail registered with your account. Enter it with a new password.</source>
        <translation>验证码将发送到账号注册时填写的手机或电子邮箱。请输入验证码并设置新密码。</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Back to login</source>
        <translation>返回登录</translation>
    </message>
    <message>
        <source>The username you log in with</source>
        <translation>登录时使用的用户名</translation>
    </message>
    <message>
        <source>Enter the new password again</source>
        <translation>请再次输入新密码</translation>
    </message>
</context>
<context>
    <name>xueshi::ProfileEditDialog</name>
    <message>
        <source>Change contact details</source>
        <translation>修改联系方式</translation>
    </message>
    <message>
        <source>The change is saved on this computer at once and sent to the server with the next sync, also when you are offline now.</source>
        <translation>修改会立即保存在本机，并在下次同步时发送到服务器；当前离线也可以修改。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>11 digits, starting with 1</source>
        <translation>11 位数字，以 1 开头</translation>
    </message>
    <message>
        <source>A mobile or landline number</source>
        <translation>手机或固定电话号码</translation>
    </message>
    <message>
        <source>Enter the contact person.</source>
        <translation>请填写联系人。</translation>
    </message>
    <message>
        <source>Optional; leave empty to remove it</source>
        <translation>选填；留空即删除</translation>
    </message>
</context>
<context>
    <name>xueshi::RecoveryDialog</name>
    <message>
        <source>It is valid until %1.</source>
        <translation>有效期至 %1。</translation>
    </message>
    <message numerus="yes">
        <source>You can request a new code in %n second(s).</source>
        <translation>
            <numerusform>%n 秒后可重新获取验证码。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n try(s) left.</source>
        <translation>
            <numerusform>还可尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Request a new code.</source>
        <translation>请重新获取验证码。</translation>
    </message>
    <message>
        <source>Send the code by</source>
        <translation>接收方式</translation>
    </message>
    <message>
        <source>SMS to the mobile phone</source>
        <translation>手机短信</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 位数字</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>If the details belong to an account with an e-mail address, a verification code has been sent to it.</source>
        <translation>如果所填信息对应的账号绑定了电子邮箱，验证码已发送至该邮箱。</translation>
    </message>
    <message>
        <source>If the details belong to an account with a mobile number, a verification code has been sent to it by SMS.</source>
        <translation>如果所填信息对应的账号绑定了手机号码，验证码已通过短信发送至该手机。</translation>
    </message>
    <message>
        <source>If the details belong to an account, a verification code has been sent to its mobile number or e-mail address.</source>
        <translation>如果所填信息对应某个账号，验证码已发送至该账号的手机号码或电子邮箱。</translation>
    </message>
</context>
<context>
    <name>xueshi::RegionSelector</name>
    <message>
        <source>Select province</source>
        <translation>请选择省份</translation>
    </message>
    <message>
        <source>Select city</source>
        <translation>请选择城市</translation>
    </message>
    <message>
        <source>Select district</source>
        <translation>请选择区县</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District / county</source>
        <translation>区县</translation>
    </message>
</context>
<context>
    <name>xueshi::RegistrationDialog</name>
    <message>
        <source>4–32 letters, digits, _ . or -, starting with a letter</source>
        <translation>4–32 位字母、数字或 _ . -，以字母开头</translation>
    </message>
    <message>
        <source>At least 8 characters, with letters and digits</source>
        <translation>至少 8 位，须同时包含字母和数字</translation>
    </message>
    <message>
        <source>Enter the password again.</source>
        <translation>请再次输入密码。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Enter the same password again</source>
        <translation>请再次输入相同的密码</translation>
    </message>
    <message>
        <source>As on your resident identity card</source>
        <translation>与居民身份证上的姓名一致</translation>
    </message>
    <message>
        <source>18 characters; the last may be X</source>
        <translation>18 位，最后一位可以是 X</translation>
    </message>
    <message>
        <source>11 digits; verification codes are sent here</source>
        <translation>11 位手机号码，用于接收验证码</translation>
    </message>
    <message>
        <source>Optional; for verification codes and notices</source>
        <translation>选填，用于接收验证码和通知</translation>
    </message>
    <message>
        <source>The full registered name</source>
        <translation>与营业执照或登记证书一致的全称</translation>
    </message>
    <message>
        <source>18 characters, as on the business licence</source>
        <translation>18 位，见营业执照或登记证书</translation>
    </message>
    <message>
        <source>Choose the province, city and district.</source>
        <translation>请选择省、市和区县。</translation>
    </message>
    <message>
        <source>Learners see the training classes of their employer&apos;s region</source>
        <translation>专业技术人员可看到其工作单位所在行政区划内的培训班</translation>
    </message>
    <message>
        <source>Where the organisation is registered</source>
        <translation>单位登记所在地</translation>
    </message>
    <message>
        <source>Who handles continuing education matters</source>
        <translation>负责继续教育事务的人员</translation>
    </message>
    <message>
        <source>A mobile number or a landline such as 020-12345678</source>
        <translation>手机号码或固定电话，如 020-12345678</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <source>The server did not accept the registration: %1</source>
        <translation>服务器未接受注册：%1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Employer registration</source>
        <translation>法人单位注册</translation>
    </message>
    <message>
        <source>Register your organisation so that your staff can bind to it and you can confirm their hours.</source>
        <translation>注册本单位后，本单位的专业技术人员可与单位绑定，由单位确认其学时。</translation>
    </message>
    <message>
        <source>Training institution registration</source>
        <translation>培训机构注册</translation>
    </message>
    <message>
        <source>A training institution can run training classes after an administrator has approved it.</source>
        <translation>培训机构须经管理员审核通过后方可开展培训班。</translation>
    </message>
    <message>
        <source>Training institution</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <source>Personal registration</source>
        <translation>个人注册</translation>
    </message>
    <message>
        <source>For professional technical personnel. You can log in as soon as you have registered.</source>
        <translation>适用于专业技术人员，注册成功后即可登录。</translation>
    </message>
    <message>
        <source>I am registering as:</source>
        <translation>注册类型：</translation>
    </message>
    <message>
        <source>Professional (individual)</source>
        <translation>个人（专业技术人员）</translation>
    </message>
    <message>
        <source>Employer (work unit)</source>
        <translation>法人单位（工作单位）</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>E-mail (optional)</source>
        <translation>电子邮箱（选填）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Administrative region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>The account is created on the server %1.</source>
        <translation>账号将在服务器 %1 上创建。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Registration successful</source>
        <translation>注册成功</translation>
    </message>
    <message>
        <source>The training institution account &quot;%1&quot; has been created. An administrator must approve the institution before it can run training classes; until then you can log in and see your account.</source>
        <translation>培训机构账号“%1”已创建。须经管理员审核通过后方可开展培训班；审核期间可以登录查看账号信息。</translation>
    </message>
    <message>
        <source>The employer account &quot;%1&quot; has been created. You can log in with it now.</source>
        <translation>法人单位账号“%1”已创建，现在即可用此账号登录。</translation>
    </message>
    <message>
        <source>Your account &quot;%1&quot; has been created. You can log in with it now. Keep your username and password safe; if you forget them, use &quot;Recover username&quot; or &quot;Recover password&quot; on the login window.</source>
        <translation>账号“%1”已创建，现在即可用此账号登录。请牢记您的用户名和密码；若忘记账号或密码，请在登录界面点击【账号找回】或【密码找回】。</translation>
    </message>
    <message>
        <source>Back to login</source>
        <translation>返回登录</translation>
    </message>
    <message>
        <source>Employer details</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>Institution details</source>
        <translation>机构信息</translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>账号信息</translation>
    </message>
</context>
<context>
    <name>xueshi::RejectOrganisationDialog</name>
    <message>
        <source>Reject the organisation</source>
        <translation>退回机构注册</translation>
    </message>
    <message>
        <source>Why is %1 rejected? The organisation sees this reason when it logs in; it can register again with correct details.</source>
        <translation>为什么退回%1？该机构登录时会看到此原因，并可使用正确的信息重新注册。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>xueshi::ReviewPage</name>
    <message>
        <source>Attachments %1 of %2</source>
        <translation>附件 %1/%2</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>培训内容</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Training dates</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Training days</source>
        <translation>参训天数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>专业系列</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The person withdrew this declaration: it cannot be decided until they submit it again.</source>
        <translation>申报人已撤回此申报，重新提交前无法审核。</translation>
    </message>
    <message>
        <source>Select a declaration to see it with its attachments.</source>
        <translation>请选择一条申报以查看详情和附件。</translation>
    </message>
    <message numerus="yes">
        <source>%n declaration(s) selected, %1 of them to review.</source>
        <translation>
            <numerusform>已选 %n 条，其中 %1 条待审核。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)%3</source>
        <translation>%1（%2）%3</translation>
    </message>
    <message>
        <source> – not on this computer yet</source>
        <translation>——尚未下载到本机</translation>
    </message>
    <message>
        <source>No attachments.</source>
        <translation>无附件。</translation>
    </message>
    <message>
        <source>This attachment is not on this computer: the space for attachments is full (see Settings).</source>
        <translation>附件缓存空间已满，此附件未下载（见设置）。</translation>
    </message>
    <message>
        <source>This attachment is not on this computer yet: it is downloaded with the next sync.</source>
        <translation>此附件尚未下载到本机，将在下次同步时下载。</translation>
    </message>
    <message>
        <source>This attachment cannot be shown: its content is not the kind of file it claims to be.</source>
        <translation>此附件内容与其声明的文件类型不符，无法显示。</translation>
    </message>
    <message>
        <source>This PDF cannot be opened.</source>
        <translation>无法打开此 PDF。</translation>
    </message>
    <message>
        <source>This image cannot be opened.</source>
        <translation>无法打开此图片。</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>确认 %1 条</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Your organisation must be approved by the administrator before it can decide declarations.</source>
        <translation>单位须经管理员审核通过后才能审核学时申报。</translation>
    </message>
    <message>
        <source>Withdrawn by the person: it cannot be decided.</source>
        <translation>申报人已撤回，无法审核。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n declaration(s) shown</source>
        <translation>
            <numerusform>显示 %1 条，共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Attachments on this computer: %1 of %2.</source>
        <translation>本机附件缓存：%1 / %2。</translation>
    </message>
    <message numerus="yes">
        <source>The space for attachments is full: %n attachment(s) were not downloaded. Raise the limit in Settings, or decide declarations to free space.</source>
        <translation>
            <numerusform>附件缓存空间已满：%n 个附件未下载。请在设置中调高上限，或审核申报以释放空间。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s) saved; sent at the next sync.</source>
        <translation>
            <numerusform>已保存 %n 条确认，将在下次同步时发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last confirmation of %n declaration(s): %1 accepted by the server, %2 not applied (see Sync problems), %3 waiting to be sent.</source>
        <translation>
            <numerusform>上次确认 %n 条：服务器已接受 %1 条，%2 条未生效（见同步问题），%3 条等待发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Return the declaration</source>
        <translation>退回申报</translation>
    </message>
    <message>
        <source>Why is the declaration returned? The person sees this reason and can correct the declaration.</source>
        <translation>退回原因是什么？申报人会看到此原因并可修改申报。</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; at most %2 are allowed.</source>
        <translation>退回原因有 %1 个字，最多允许 %2 个字。</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>必须填写退回原因。</translation>
    </message>
    <message>
        <source>Returned; sent at the next sync.</source>
        <translation>已退回，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>Hours review</source>
        <translation>学时审核</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All subjects</source>
        <translation>全部科目</translation>
    </message>
    <message>
        <source>Name contains…</source>
        <translation>按姓名查找…</translation>
    </message>
    <message>
        <source>Training:</source>
        <translation>培训日期：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>申报详情</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件材料</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
</context>
<context>
    <name>xueshi::ReviewTableModel</name>
    <message>
        <source>%1 (sync problem)</source>
        <translation>%1（同步问题）</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1（尚未发送）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>培训内容</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Training dates</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件材料</translation>
    </message>
</context>
<context>
    <name>xueshi::ReviewText</name>
    <message>
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Withdrawn by the person</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Professional subject</source>
        <translation>专业科目</translation>
    </message>
    <message>
        <source>Elective subject</source>
        <translation>选修科目</translation>
    </message>
</context>
<context>
    <name>xueshi::RevocationPage</name>
    <message>
        <source>Current</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <source>Superseded by a later version</source>
        <translation>已被新版本取代</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>A serial number is XS, the year and ten letters or digits, as printed on the certificate.</source>
        <translation>证书编号由 XS、年度和十位字母或数字组成，与证书上印刷的一致。</translation>
    </message>
    <message>
        <source>Revoke the certificate</source>
        <translation>撤销证书</translation>
    </message>
    <message>
        <source>Revoke certificate No. %1? Anyone who verifies it will be told it is revoked, with your reason. This cannot be undone.</source>
        <translation>撤销证书第 %1 号？此后任何人核验该证书都会看到它已被撤销及撤销原因。此操作不可恢复。</translation>
    </message>
    <message>
        <source>Certificate No. %1 is revoked.</source>
        <translation>证书第 %1 号已撤销。</translation>
    </message>
    <message>
        <source>The reason may have at most %1 characters.</source>
        <translation>原因最多 %1 个字。</translation>
    </message>
    <message>
        <source>Certificate management</source>
        <translation>证书管理</translation>
    </message>
    <message>
        <source>Look a certificate up by the serial number printed on it. Revoking its current version makes every verification say so, with the reason; the learner may be issued a new version once the hours behind it are corrected.</source>
        <translation>按证书上印刷的编号查询证书。撤销现行版本后，任何核验都会显示已撤销及原因；学时更正后可为学员签发新版本。</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>证书编号：</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <source>Reason for revocation</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <source>Reason for revocation (1 to %1 characters):</source>
        <translation>撤销原因（1 至 %1 个字）：</translation>
    </message>
    <message>
        <source>Revoke the current version</source>
        <translation>撤销现行版本</translation>
    </message>
</context>
<context>
    <name>xueshi::RoleWindow</name>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Continuing education for professional technical personnel: public courses, training classes, credit hours and certificates.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;专业技术人员继续教育：公需课、培训班、学时与继续教育证书。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>当前用户：%1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>用户：%1（%2）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Your training institution is awaiting approval by an administrator. You can log in and see your account, but you can run training classes only after the approval.</source>
        <translation>您的培训机构正在等待管理员审核。审核通过前可以登录查看账号信息，但暂不能开展培训班。</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>退出登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Xueshi</source>
        <translation>关于学时(&amp;A)</translation>
    </message>
    <message>
        <source>Sync problems (%1)</source>
        <translation>同步问题（%1）</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Log in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>Log in again to send your changes</source>
        <translation>请重新登录以发送您的更改</translation>
    </message>
    <message>
        <source>The server needs a new login before it accepts the changes made on this computer. They are kept here and are sent after you log in again.</source>
        <translation>服务器需要您重新登录后才能接收本机上的更改。这些更改已保存在本机，重新登录后即会发送。</translation>
    </message>
    <message>
        <source>Offline mode</source>
        <translation>离线模式</translation>
    </message>
    <message>
        <source>The server cannot be reached; you are working with the data saved on this computer (last online login: %1).</source>
        <translation>无法连接服务器，正在使用本机保存的数据（上次在线登录：%1）。</translation>
    </message>
    <message>
        <source>Your changes are kept here and sent when the network returns.</source>
        <translation>您的更改会保存在本机，网络恢复后自动发送。</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Sync &amp;problems</source>
        <translation>同步问题(&amp;P)</translation>
    </message>
    <message>
        <source>The administrator did not approve the registration of your organisation. Reason: %1. Please contact the administrator of the continuing education system.</source>
        <translation>管理员未通过贵单位的注册。原因：%1。请联系继续教育系统的管理员。</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Your employer account is awaiting approval by an administrator. You can log in and see your account; learners find your organisation and you can confirm staff only after the approval.</source>
        <translation>您的法人单位账号正在等待管理员审核。审核通过前可以登录查看账号信息，但专业技术人员暂时找不到贵单位，您也暂不能确认人员。</translation>
    </message>
    <message>
        <source>&amp;Verify certificate…</source>
        <translation>证书验证(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>xueshi::Session</name>
    <message>
        <source>The server&apos;s answer to the login is incomplete.</source>
        <translation>服务器返回的登录信息不完整。</translation>
    </message>
</context>
<context>
    <name>xueshi::SettingsPage</name>
    <message>
        <source>None pinned: the certificate is trusted by the system</source>
        <translation>未固定：证书由系统信任</translation>
    </message>
    <message>
        <source>Not open: %1</source>
        <translation>未打开：%1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>待发送 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>The system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>A file only you can read: %1</source>
        <translation>仅当前用户可读的文件：%1</translation>
    </message>
    <message>
        <source>Possible on this computer (last online login: %1)</source>
        <translation>本机可以离线登录（上次在线登录：%1）</translation>
    </message>
    <message>
        <source>Not kept on this computer: the next login needs the network</source>
        <translation>本机未保存：下次登录需要连接网络</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>清除缓存</translation>
    </message>
    <message>
        <source>Delete the downloaded lesson content and attachments (%1)? They are downloaded again when needed. Changes waiting to be sent are not touched.</source>
        <translation>删除已下载的课程内容和附件（%1）吗？需要时会重新下载。待发送的更改不受影响。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The content cache has been cleared.</source>
        <translation>内容缓存已清除。</translation>
    </message>
    <message>
        <source>The content cache could not be cleared completely.</source>
        <translation>内容缓存未能完全清除。</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>忘记</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>What this computer keeps for you and where. The language is chosen on the login window.</source>
        <translation>此电脑为您保存了哪些数据、保存在哪里。界面语言在登录界面选择。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Pinned certificate (SHA-256)</source>
        <translation>已固定的证书（SHA-256）</translation>
    </message>
    <message>
        <source>Local data</source>
        <translation>本地数据</translation>
    </message>
    <message>
        <source>Data location</source>
        <translation>数据位置</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>本地数据库</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>待发送队列</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>会话令牌</translation>
    </message>
    <message>
        <source>Kept in</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <source>The token lets this computer sync your changes when the network returns, also after an offline login. It is deleted when you log out.</source>
        <translation>有了会话令牌，网络恢复后此电脑即可同步您的更改（离线登录后也是如此）。退出登录时令牌会被删除。</translation>
    </message>
    <message>
        <source>Content cache</source>
        <translation>内容缓存</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Downloaded lesson content and attachments, readable offline. Clearing the cache never touches your changes waiting to be sent.</source>
        <translation>已下载的课程内容和附件，离线时也可阅读。清除缓存不会影响待发送的更改。</translation>
    </message>
    <message>
        <source>Offline login</source>
        <translation>离线登录</translation>
    </message>
    <message>
        <source>Space for attachments</source>
        <translation>附件缓存空间</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>An employer&apos;s client downloads the attachments of the declarations to review with each sync, up to this much, so they can be reviewed offline.</source>
        <translation>单位客户端每次同步时下载待审核申报的附件（不超过此空间），以便离线审核。</translation>
    </message>
    <message>
        <source>Forget %1 on this computer? The offline login, the kept session token and the local data (cached records and attachments) are deleted, and you are logged out. The next login needs the network and downloads your data again.</source>
        <translation>要在这台计算机上忘记 %1 吗？离线登录、保存的会话令牌和本地数据（缓存的记录和附件）都将被删除，并退出登录。下次登录需要联网，并会重新下载您的数据。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet accepted by the server would be lost. Connect to the network and sync first to keep them.</source>
        <translation>
            <numerusform>有 %n 项更改尚未被服务器接受，将会丢失。如需保留，请先联网并同步。</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget this computer</source>
        <translation>忘记这台计算机</translation>
    </message>
    <message numerus="yes">
        <source>Forget and lose %n change(s)</source>
        <translation>
            <numerusform>忘记并丢弃 %n 项更改</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::StaffPage</name>
    <message>
        <source>Real name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>专业系列</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务/岗位</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Select a request to see the person&apos;s details.</source>
        <translation>选择一条申请以查看人员信息。</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) selected, %1 of them to confirm.</source>
        <translation>
            <numerusform>已选择 %n 条申请，其中 %1 条待确认。</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>确认（%1）</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Select a person to see their details.</source>
        <translation>选择一名人员以查看其信息。</translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s) saved; sent at the next sync.</source>
        <translation>
            <numerusform>已保存 %n 条确认，将在下次同步时发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Return the request</source>
        <translation>退回申请</translation>
    </message>
    <message>
        <source>Why is the request returned? The person sees this reason and can correct their details.</source>
        <translation>请填写退回原因。申请人会看到此原因并可更正信息。</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Returned; sent at the next sync.</source>
        <translation>已退回，将在下次同步时发送。</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员管理</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>绑定申请</translation>
    </message>
    <message>
        <source>Confirmed staff</source>
        <translation>已确认人员</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Name contains…</source>
        <translation>姓名包含…</translation>
    </message>
    <message>
        <source>Requested:</source>
        <translation>申请日期：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>人员信息</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Search by name…</source>
        <translation>按姓名搜索…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>人员信息</translation>
    </message>
    <message>
        <source>This person&apos;s other details are no longer shown to your organisation: the request was withdrawn or rejected, or the person is now confirmed by another employer.</source>
        <translation>贵单位已不能查看此人的其他信息：申请已被撤回或退回，或此人已由其他法人单位确认。</translation>
    </message>
    <message>
        <source>Your organisation must be approved by the administrator before it can decide requests.</source>
        <translation>贵单位须经管理员审核通过后才能处理申请。</translation>
    </message>
</context>
<context>
    <name>xueshi::StudySession</name>
    <message>
        <source>The study time cannot be saved: you are not logged in.</source>
        <translation>无法保存学习时间：您尚未登录。</translation>
    </message>
</context>
<context>
    <name>xueshi::SyncEngine</name>
    <message>
        <source>The change could not be saved on this computer: %1</source>
        <translation>无法在本机保存此项更改：%1</translation>
    </message>
    <message>
        <source>The local cache is not open.</source>
        <translation>本地缓存未打开。</translation>
    </message>
    <message>
        <source>The server did not answer for every change sent. They will be sent again.</source>
        <translation>服务器未对所有已提交的更改作出答复，这些更改将重新提交。</translation>
    </message>
    <message>
        <source>The server sent changes this program cannot read.</source>
        <translation>服务器发来的更改本程序无法识别。</translation>
    </message>
    <message>
        <source>The changes from the server could not be stored: %1</source>
        <translation>无法保存来自服务器的更改：%1</translation>
    </message>
    <message>
        <source>The local cache could not be updated: %1</source>
        <translation>无法更新本地缓存：%1</translation>
    </message>
    <message>
        <source>This cannot be changed yet: connect to the server once so that the data is on this computer.</source>
        <translation>暂时无法修改：请先连接一次服务器，把数据下载到本机。</translation>
    </message>
    <message>
        <source>This change is too large for the server to accept.</source>
        <translation>此项更改过大，服务器无法接收。</translation>
    </message>
</context>
<context>
    <name>xueshi::SyncProblemsPage</name>
    <message>
        <source>Change personal details</source>
        <translation>修改个人资料</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <source>Made on this computer: %1</source>
        <translation>在本机修改于：%1</translation>
    </message>
    <message>
        <source>Conflict: the data changed on the server first</source>
        <translation>冲突：服务器上的数据已先被修改</translation>
    </message>
    <message>
        <source>After this computer last synced, the data was changed on the server (for example on another computer), so your change was not applied. Compare the values below and decide.</source>
        <translation>在本机上次同步之后，服务器上的数据已被修改（例如在另一台电脑上），因此您的修改未被应用。请比较下面的值后决定如何处理。</translation>
    </message>
    <message>
        <source>The server&apos;s answer: %1</source>
        <translation>服务器的答复：%1</translation>
    </message>
    <message>
        <source>Field: %1.</source>
        <translation>相关项目：%1。</translation>
    </message>
    <message>
        <source>&quot;Retry&quot; applies your change over the server&apos;s values; &quot;Edit&quot; lets you change it first; &quot;Discard&quot; keeps the server&apos;s values.</source>
        <translation>“重试”以您的修改覆盖服务器上的当前值；“编辑”可先修改再发送；“放弃”保留服务器上的值。</translation>
    </message>
    <message>
        <source>&quot;Retry&quot; sends the same change again; &quot;Edit&quot; lets you correct it; &quot;Discard&quot; drops it and shows the server&apos;s values again.</source>
        <translation>“重试”再次发送同样的修改；“编辑”可更正后再发送；“放弃”删除此修改并重新显示服务器上的值。</translation>
    </message>
    <message>
        <source>The change could not be queued again.</source>
        <translation>无法将此修改重新加入待发送队列。</translation>
    </message>
    <message>
        <source>The edited change could not be saved.</source>
        <translation>无法保存编辑后的修改。</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Discard this change (%1)? It will not be sent to the server, and this computer shows the server&apos;s data again. This cannot be undone.</source>
        <translation>放弃这项修改（%1）吗？它不会被发送到服务器，本机将重新显示服务器上的数据。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>The change could not be discarded.</source>
        <translation>无法放弃此修改。</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <source>Changes made on this computer that the server refused or that met a newer change on the server. They stay here until you retry, edit or discard them; your other changes are sent meanwhile.</source>
        <translation>在本机所做、但被服务器拒绝或与服务器上较新的修改冲突的更改。它们会保留在这里，直到您选择重试、编辑或放弃；其他更改照常发送。</translation>
    </message>
    <message>
        <source>No sync problems to deal with</source>
        <translation>没有需要处理的同步问题</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <source>Current value on the server</source>
        <translation>服务器上的当前值</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <source>Ask an employer to confirm you</source>
        <translation>提交给法人单位确认</translation>
    </message>
    <message>
        <source>Withdraw the request to the employer</source>
        <translation>撤回给法人单位的申请</translation>
    </message>
    <message>
        <source>Confirm a person&apos;s request</source>
        <translation>确认人员的申请</translation>
    </message>
    <message>
        <source>Return a person&apos;s request</source>
        <translation>退回人员的申请</translation>
    </message>
    <message>
        <source>Select a public course</source>
        <translation>选择公需课</translation>
    </message>
    <message>
        <source>Change a course&apos;s declaration year</source>
        <translation>修改课程的申报年度</translation>
    </message>
    <message>
        <source>Study time of a lesson</source>
        <translation>课程学习时间</translation>
    </message>
    <message>
        <source>Hand in a course exam</source>
        <translation>提交课程作业</translation>
    </message>
    <message>
        <source>Save a training class</source>
        <translation>保存培训班</translation>
    </message>
    <message>
        <source>Accept enrolment in a class</source>
        <translation>培训班接受报名</translation>
    </message>
    <message>
        <source>Stop enrolment in a class</source>
        <translation>培训班停止报名</translation>
    </message>
    <message>
        <source>Confirm the hours of a class</source>
        <translation>确认培训班学时</translation>
    </message>
    <message>
        <source>Enrol in a training class</source>
        <translation>报名参加培训班</translation>
    </message>
    <message>
        <source>Cancel an enrolment</source>
        <translation>取消报名</translation>
    </message>
    <message>
        <source>Confirm an enrolment</source>
        <translation>确认报名</translation>
    </message>
    <message>
        <source>Return an enrolment</source>
        <translation>退回报名</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>专业系列</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务/岗位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>When you decided</source>
        <translation>您审核时</translation>
    </message>
    <message>
        <source>Now on the server</source>
        <translation>服务器上现在</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>What you saw</source>
        <translation>您当时看到的</translation>
    </message>
    <message>
        <source>The organisation has been decided already, so a retry would meet the same conflict: &quot;Discard&quot; drops your decision.</source>
        <translation>该机构已审核完毕，重试会遇到同样的冲突：“放弃”将删除您的审核决定。</translation>
    </message>
    <message>
        <source>&quot;Retry&quot; takes the same decision on the organisation as it is now on the server; &quot;Discard&quot; drops your decision.</source>
        <translation>“重试”按服务器上该机构现在的信息作出同样的决定；“放弃”将删除您的审核决定。</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>培训内容</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Training days</source>
        <translation>参训天数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件材料</translation>
    </message>
    <message>
        <source>Save a self-declaration</source>
        <translation>保存学时申报</translation>
    </message>
    <message>
        <source>Submit a self-declaration</source>
        <translation>提交学时申报</translation>
    </message>
    <message>
        <source>Withdraw a self-declaration</source>
        <translation>撤回学时申报</translation>
    </message>
    <message>
        <source>Delete a self-declaration</source>
        <translation>删除学时申报</translation>
    </message>
    <message>
        <source>Confirm a self-declaration</source>
        <translation>确认学时申报</translation>
    </message>
    <message>
        <source>Return a self-declaration</source>
        <translation>退回学时申报</translation>
    </message>
    <message>
        <source>The person withdrew or changed this declaration after you reviewed it, so your decision was not applied. Below: the declaration as you saw it and as it is now.</source>
        <translation>您审核后申报人撤回或修改了此申报，您的决定未生效。下表为您看到的版本与当前版本的对比。</translation>
    </message>
    <message>
        <source>A decision applies only to the version you saw: &quot;Discard&quot; drops it, then review the declaration as it is now under Hours review.</source>
        <translation>审核决定只适用于您看到的版本：请点击“放弃”，然后在学时审核中重新审核当前版本。</translation>
    </message>
    <message numerus="yes">
        <source>and %n change(s) that build on it</source>
        <translation>
            <numerusform>及依赖它的 %n 项更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) made on this computer build on this one (%1) and wait with it: they are retried or discarded together with it.</source>
        <translation>
            <numerusform>本机之后所做的 %n 项更改依赖于这一项（%1），将与它一同等待：重试或放弃时会一并处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard this change (%1) and the %n change(s) that build on it? None of them will be sent to the server, and this computer shows the server&apos;s data again. This cannot be undone.</source>
        <translation>
            <numerusform>放弃这项更改（%1）及依赖它的 %n 项更改吗？它们都不会被发送到服务器，本机将重新显示服务器上的数据。此操作无法撤销。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::SyncStatusWidget</name>
    <message>
        <source>%1 of %2 changes received</source>
        <translation>已接收 %1 / %2 项更改</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Send your changes and get the server&apos;s (F5)</source>
        <translation>发送您的更改并获取服务器的更新（F5）</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>It tries again by itself when the network returns; &quot;Sync now&quot; tries at once.</source>
        <translation>网络恢复后会自动重试；点击“立即同步”可马上重试。</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>待发送 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <source>%n sync problem(s)</source>
        <translation>
            <numerusform>%n 个同步问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::TokenStore</name>
    <message>
        <source>the system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>a file only you can read: %1</source>
        <translation>仅当前用户可读的文件 %1</translation>
    </message>
</context>
<context>
    <name>xueshi::TrainingClassTableModel</name>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1（尚未发送）</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>培训班</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>科目类型</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>培训方式</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Enrolment deadline</source>
        <translation>报名截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>xueshi::UiText</name>
    <message>
        <source>Xueshi</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>专业技术人员</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>法人单位</translation>
    </message>
    <message>
        <source>Training institution</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Not provided</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>xueshi::UsernameRecoveryDialog</name>
    <message>
        <source>Sending the verification code…</source>
        <translation>正在发送验证码…</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>正在核对验证码…</translation>
    </message>
    <message>
        <source>Recover username</source>
        <translation>账号找回</translation>
    </message>
    <message>
        <source>Enter the resident ID number (for an organisation: the unified social credit code) you registered with. A verification code is sent to the registered mobile phone or e-mail; with it, your username is shown.</source>
        <translation>请输入注册时填写的身份证号（单位请输入统一社会信用代码）。验证码将发送到注册时填写的手机或电子邮箱，验证通过后即显示您的用户名。</translation>
    </message>
    <message>
        <source>Account of</source>
        <translation>账号类型</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>法人单位</translation>
    </message>
    <message>
        <source>Training institution</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Show my username</source>
        <translation>找回账号</translation>
    </message>
    <message>
        <source>Your username is:</source>
        <translation>您的用户名是：</translation>
    </message>
    <message>
        <source>Log in with this username</source>
        <translation>用此账号登录</translation>
    </message>
</context>
<context>
    <name>xueshi::VerifyDialog</name>
    <message>
        <source>Open a certificate</source>
        <translation>打开证书</translation>
    </message>
    <message>
        <source>Certificates (*.pdf *.png *.jpg *.jpeg);;PDF (*.pdf);;Images (*.png *.jpg *.jpeg)</source>
        <translation>证书 (*.pdf *.png *.jpg *.jpeg);;PDF (*.pdf);;图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <source>The signature is valid and the text printed on the page matches the QR code.</source>
        <translation>签名有效，页面上印刷的内容与二维码一致。</translation>
    </message>
    <message>
        <source>The signature is valid: the fields below are as the server issued them.</source>
        <translation>签名有效：以下内容与服务器签发时一致。</translation>
    </message>
    <message>
        <source>Signed by the server %1.</source>
        <translation>由服务器 %1 签发。</translation>
    </message>
    <message>
        <source>The QR code&apos;s content was changed after it was signed.</source>
        <translation>二维码的内容在签名后被改动过。</translation>
    </message>
    <message>
        <source>What is printed on the page differs from what the QR code&apos;s signature covers. The values below are the signed ones.</source>
        <translation>页面上印刷的内容与二维码签名的内容不一致。以下为签名的内容。</translation>
    </message>
    <message>
        <source>The signature does not match: the QR code was altered or forged.</source>
        <translation>签名不符：二维码被改动或伪造。</translation>
    </message>
    <message>
        <source>This certificate was signed with key %1, which this computer has not seen. Log in once, or connect to the server, to receive its keys.</source>
        <translation>该证书由密钥 %1 签发，本机尚未收到该密钥。请登录一次或连接服务器以获取签发密钥。</translation>
    </message>
    <message>
        <source>The QR code does not hold a Xueshi certificate.</source>
        <translation>该二维码不是学时系统的证书。</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1（已被改动）</translation>
    </message>
    <message>
        <source>Asking the server about this serial number…</source>
        <translation>正在向服务器查询该证书编号…</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Verify certificate</source>
        <translation>证书验证</translation>
    </message>
    <message>
        <source>Open a certificate (the PDF, or a photo or scan of its QR code), or paste the QR code&apos;s text. It is checked on this computer against the signing keys received from the server.</source>
        <translation>打开证书（PDF，或二维码的照片、扫描件），或粘贴二维码的文本。本机将用从服务器获得的签发密钥进行核验。</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Or the QR code&apos;s text:</source>
        <translation>或粘贴二维码的文本：</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Signed value</source>
        <translation>签名的内容</translation>
    </message>
</context>
</TS>
