<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnnualCertification</name>
    <message>
        <source>Public subjects: %1 hours short</source>
        <translation>Public subjects: %1 hours short</translation>
    </message>
    <message>
        <source>Professional subjects: %1 hours short</source>
        <translation>Professional subjects: %1 hours short</translation>
    </message>
    <message>
        <source>Elective subjects: %1 hours short</source>
        <translation>Elective subjects: %1 hours short</translation>
    </message>
    <message>
        <source>In total: %1 more hours of any type</source>
        <translation>In total: %1 more hours of any type</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>Row %1: a quoted field is not closed.</source>
        <translation>Row %1: a quoted field is not closed.</translation>
    </message>
    <message>
        <source>The header row names the column &quot;%1&quot; twice.</source>
        <translation>The header row names the column &quot;%1&quot; twice.</translation>
    </message>
    <message>
        <source>Row %1: no learner of this class has the resident ID number %2.</source>
        <translation>Row %1: no learner of this class has the resident ID number %2.</translation>
    </message>
    <message>
        <source>Row %1: no learner of this class is named %2.</source>
        <translation>Row %1: no learner of this class is named %2.</translation>
    </message>
    <message>
        <source>Row %1: %2 learners of this class are named %3; give the resident ID number instead.</source>
        <translation>Row %1: %2 learners of this class are named %3; give the resident ID number instead.</translation>
    </message>
    <message>
        <source>Row %1: give the resident ID number or the name.</source>
        <translation>Row %1: give the resident ID number or the name.</translation>
    </message>
    <message>
        <source>Row %1: %2 is already listed in row %3.</source>
        <translation>Row %1: %2 is already listed in row %3.</translation>
    </message>
    <message>
        <source>Row %1: the hours are missing.</source>
        <translation>Row %1: the hours are missing.</translation>
    </message>
    <message>
        <source>Row %1: &quot;%2&quot; is not a number of hours (a number such as 24 or 2.5, with at most one decimal place).</source>
        <translation>Row %1: &quot;%2&quot; is not a number of hours (a number such as 24 or 2.5, with at most one decimal place).</translation>
    </message>
    <message>
        <source>Row %1: %2 hours are more than the class&apos;s %3 hours.</source>
        <translation>Row %1: %2 hours are more than the class&apos;s %3 hours.</translation>
    </message>
    <message>
        <source>Row %1: the hours of %2 were already confirmed.</source>
        <translation>Row %1: the hours of %2 were already confirmed.</translation>
    </message>
    <message>
        <source>Row %1: the enrolment of %2 is not confirmed.</source>
        <translation>Row %1: the enrolment of %2 is not confirmed.</translation>
    </message>
    <message>
        <source>Row %1: fewer hours than the class&apos;s (or 0 for absent) need a reason in the column 备注 (reason).</source>
        <translation>Row %1: fewer hours than the class&apos;s (or 0 for absent) need a reason in the column 备注 (reason).</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as &quot;CSV UTF-8&quot; in the spreadsheet program and import it again.</source>
        <translation>The file is not UTF-8 text. Save it as &quot;CSV UTF-8&quot; in the spreadsheet program and import it again.</translation>
    </message>
    <message>
        <source>The file is empty: the first row must name the columns.</source>
        <translation>The file is empty: the first row must name the columns.</translation>
    </message>
    <message>
        <source>The header row has no column 学时 (hours).</source>
        <translation>The header row has no column 学时 (hours).</translation>
    </message>
    <message>
        <source>The header row needs a column 身份证号 (residentId) or 姓名 (name).</source>
        <translation>The header row needs a column 身份证号 (residentId) or 姓名 (name).</translation>
    </message>
    <message>
        <source>Row %1: %2 is not a valid resident ID number.</source>
        <translation>Row %1: %2 is not a valid resident ID number.</translation>
    </message>
    <message>
        <source>Row %1: the same resident ID number is already in row %2.</source>
        <translation>Row %1: the same resident ID number is already in row %2.</translation>
    </message>
    <message>
        <source>Row %1: the server checks no more resident ID numbers for your institution today; import the sheet again tomorrow, or confirm this person in the table.</source>
        <translation>Row %1: the server checks no more resident ID numbers for your institution today; import the sheet again tomorrow, or confirm this person in the table.</translation>
    </message>
    <message>
        <source>Row %1: the server matched an enrolment this computer does not have yet; synchronise and import the sheet again.</source>
        <translation>Row %1: the server matched an enrolment this computer does not have yet; synchronise and import the sheet again.</translation>
    </message>
</context>
<context>
    <name>CommandLineSync</name>
    <message>
        <source>Password: </source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>This computer keeps no local data: nothing to sync.</source>
        <translation>This computer keeps no local data: nothing to sync.</translation>
    </message>
    <message>
        <source>No server address: give one with --server.</source>
        <translation>No server address: give one with --server.</translation>
    </message>
    <message>
        <source>No username: give one with --user.</source>
        <translation>No username: give one with --user.</translation>
    </message>
    <message>
        <source>No password: write it on standard input.</source>
        <translation>No password: write it on standard input.</translation>
    </message>
    <message>
        <source>Trusted the certificate of %1 (SHA-256 %2).</source>
        <translation>Trusted the certificate of %1 (SHA-256 %2).</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since it was trusted on this computer. Trusted: %2. Now: %3. Ask the server&apos;s administrator whether it was replaced; only then run again with --trust-certificate %3.</source>
        <translation>The certificate of %1 has changed since it was trusted on this computer. Trusted: %2. Now: %3. Ask the server&apos;s administrator whether it was replaced; only then run again with --trust-certificate %3.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted. Its SHA-256 fingerprint is %2. Compare it with the one the server&apos;s administrator gave you; if they match, run again with --trust-certificate %2.</source>
        <translation>The certificate of %1 is not trusted. Its SHA-256 fingerprint is %2. Compare it with the one the server&apos;s administrator gave you; if they match, run again with --trust-certificate %2.</translation>
    </message>
    <message>
        <source>Not logged in: %1</source>
        <translation>Not logged in: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached: nothing was synced.</source>
        <translation>The server cannot be reached: nothing was synced.</translation>
    </message>
    <message>
        <source>The local cache cannot be opened: %1</source>
        <translation>The local cache cannot be opened: %1</translation>
    </message>
    <message>
        <source>Syncing with %1 as %2…</source>
        <translation>Syncing with %1 as %2…</translation>
    </message>
    <message>
        <source>The sync failed: %1</source>
        <translation>The sync failed: %1</translation>
    </message>
    <message>
        <source>Synced. Records in the cache: %1.</source>
        <translation>Synced. Records in the cache: %1.</translation>
    </message>
    <message>
        <source>Local cache: %1</source>
        <translation>Local cache: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent yet and wait for the next sync.</source>
        <translation>
            <numerusform>%n change could not be sent yet and waits for the next sync.</numerusform>
            <numerusform>%n changes could not be sent yet and wait for the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused by the server or conflict with a change made elsewhere: open Xueshi to review them.</source>
        <translation>
            <numerusform>%n change was refused by the server or conflicts with a change made elsewhere: open Xueshi to review it.</numerusform>
            <numerusform>%n changes were refused by the server or conflict with a change made elsewhere: open Xueshi to review them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloaded %1 of %2 changes</source>
        <translation>Downloaded %1 of %2 changes</translation>
    </message>
</context>
<context>
    <name>DeclarationRules</name>
    <message>
        <source>Enter the training content.</source>
        <translation>Enter the training content.</translation>
    </message>
    <message>
        <source>The training content may have at most %1 characters.</source>
        <translation>The training content may have at most %1 characters.</translation>
    </message>
    <message>
        <source>The training content must not contain line breaks, tabs or other control characters.</source>
        <translation>The training content must not contain line breaks, tabs or other control characters.</translation>
    </message>
    <message>
        <source>Enter the organiser.</source>
        <translation>Enter the organiser.</translation>
    </message>
    <message>
        <source>The organiser may have at most %1 characters.</source>
        <translation>The organiser may have at most %1 characters.</translation>
    </message>
    <message>
        <source>The organiser must not contain line breaks, tabs or other control characters.</source>
        <translation>The organiser must not contain line breaks, tabs or other control characters.</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD.</source>
        <translation>Enter the date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The date must be in 2000 or later.</source>
        <translation>The date must be in 2000 or later.</translation>
    </message>
    <message>
        <source>The training cannot end before it starts.</source>
        <translation>The training cannot end before it starts.</translation>
    </message>
    <message>
        <source>The training must have ended: its end date %1 is after today (%2).</source>
        <translation>The training must have ended: its end date %1 is after today (%2).</translation>
    </message>
    <message>
        <source>Enter at least 1 training day.</source>
        <translation>Enter at least 1 training day.</translation>
    </message>
    <message>
        <source>%1 training days do not fit between %2 and %3, which hold %4 days.</source>
        <translation>%1 training days do not fit between %2 and %3, which hold %4 days.</translation>
    </message>
    <message>
        <source>Enter at least 0.1 hours.</source>
        <translation>Enter at least 0.1 hours.</translation>
    </message>
    <message>
        <source>%1 hours for %2 training day is more than the %3 allowed (at most %4 hours a training day).</source>
        <translation>%1 hours for %2 training day is more than the %3 allowed (at most %4 hours a training day).</translation>
    </message>
    <message>
        <source>%1 hours for %2 training days is more than the %3 allowed (at most %4 hours a training day).</source>
        <translation>%1 hours for %2 training days is more than the %3 allowed (at most %4 hours a training day).</translation>
    </message>
    <message>
        <source>Choose the professional series of professional hours.</source>
        <translation>Choose the professional series of professional hours.</translation>
    </message>
    <message>
        <source>Choose a professional series from the list.</source>
        <translation>Choose a professional series from the list.</translation>
    </message>
    <message>
        <source>Elective hours have no professional series.</source>
        <translation>Elective hours have no professional series.</translation>
    </message>
    <message>
        <source>Choose elective subjects or professional subjects as the subject type.</source>
        <translation>Choose elective subjects or professional subjects as the subject type.</translation>
    </message>
</context>
<context>
    <name>DeclarationText</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Awaiting the employer&apos;s review</source>
        <translation>Awaiting the employer&apos;s review</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>This address does not accept the method %1.</source>
        <translation>This address does not accept the method %1.</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>There is nothing at this address.</translation>
    </message>
    <message>
        <source>The server could not complete the request. Nothing was changed; please try again later.</source>
        <translation>The server could not complete the request. Nothing was changed; please try again later.</translation>
    </message>
    <message>
        <source>The request is malformed.</source>
        <translation>The request is malformed.</translation>
    </message>
    <message>
        <source>The request took too long to arrive.</source>
        <translation>The request took too long to arrive.</translation>
    </message>
    <message>
        <source>The request must say how long its body is (Content-Length).</source>
        <translation>The request must say how long its body is (Content-Length).</translation>
    </message>
    <message>
        <source>The request body is too large.</source>
        <translation>The request body is too large.</translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation>The request headers are too large.</translation>
    </message>
    <message>
        <source>Chunked request bodies are not supported.</source>
        <translation>Chunked request bodies are not supported.</translation>
    </message>
    <message>
        <source>Only HTTP/1.1 and HTTP/1.0 are supported.</source>
        <translation>Only HTTP/1.1 and HTTP/1.0 are supported.</translation>
    </message>
    <message>
        <source>The request body is not a valid JSON object.</source>
        <translation>The request body is not a valid JSON object.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not accepted here.</source>
        <translation>The field &quot;%1&quot; is not accepted here.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a string.</source>
        <translation>The field &quot;%1&quot; must be a string.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is required.</source>
        <translation>The field &quot;%1&quot; is required.</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>The username &quot;%1&quot; is already taken. Please choose another one.</source>
        <translation>The username &quot;%1&quot; is already taken. Please choose another one.</translation>
    </message>
    <message>
        <source>An account with this resident ID number already exists. Use &apos;Recover username&apos; if you forgot it.</source>
        <translation>An account with this resident ID number already exists. Use &apos;Recover username&apos; if you forgot it.</translation>
    </message>
    <message>
        <source>This username or resident ID number was registered a moment ago. Please check and try again.</source>
        <translation>This username or resident ID number was registered a moment ago. Please check and try again.</translation>
    </message>
    <message>
        <source>The administrative region code is unknown.</source>
        <translation>The administrative region code is unknown.</translation>
    </message>
    <message>
        <source>An organisation with this unified social credit code is already registered. Use &apos;Recover username&apos; if you forgot its account.</source>
        <translation>An organisation with this unified social credit code is already registered. Use &apos;Recover username&apos; if you forgot its account.</translation>
    </message>
    <message>
        <source>This username or credit code was registered a moment ago. Please check and try again.</source>
        <translation>This username or credit code was registered a moment ago. Please check and try again.</translation>
    </message>
    <message>
        <source>Too many failed logins: this account is locked for 15 minutes. Try again in %1 minute(s), or reset the password with &apos;Recover password&apos;.</source>
        <translation>Too many failed logins: this account is locked for 15 minutes. Try again in %1 minute(s), or reset the password with &apos;Recover password&apos;.</translation>
    </message>
    <message>
        <source>The username or password is wrong.</source>
        <translation>The username or password is wrong.</translation>
    </message>
    <message>
        <source>Your session has expired. Please log in again.</source>
        <translation>Your session has expired. Please log in again.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>The account was not found.</source>
        <translation>The account was not found.</translation>
    </message>
    <message>
        <source>You may not see this account.</source>
        <translation>You may not see this account.</translation>
    </message>
    <message>
        <source>Say whether the organisation is an employer or an institution.</source>
        <translation>Say whether the organisation is an employer or an institution.</translation>
    </message>
    <message>
        <source>Enter either a resident ID number or a unified social credit code.</source>
        <translation>Enter either a resident ID number or a unified social credit code.</translation>
    </message>
    <message>
        <source>The channel must be &quot;mobile&quot; or &quot;email&quot;.</source>
        <translation>The channel must be &quot;mobile&quot; or &quot;email&quot;.</translation>
    </message>
    <message>
        <source>A code was sent less than a minute ago. Please wait %1 seconds before asking for another.</source>
        <translation>A code was sent less than a minute ago. Please wait %1 seconds before asking for another.</translation>
    </message>
    <message>
        <source>Xueshi verification code</source>
        <translation>Xueshi verification code</translation>
    </message>
    <message>
        <source>[Xueshi] Your verification code for recovering your username is %1. It is valid for 10 minutes. If you did not ask for it, ignore this message.</source>
        <translation>[Xueshi] Your verification code for recovering your username is %1. It is valid for 10 minutes. If you did not ask for it, ignore this message.</translation>
    </message>
    <message>
        <source>[Xueshi] Your verification code for resetting your password is %1. It is valid for 10 minutes. If you did not ask for it, ignore this message.</source>
        <translation>[Xueshi] Your verification code for resetting your password is %1. It is valid for 10 minutes. If you did not ask for it, ignore this message.</translation>
    </message>
    <message>
        <source>This verification request is unknown. Please ask for a new code.</source>
        <translation>This verification request is unknown. Please ask for a new code.</translation>
    </message>
    <message>
        <source>This verification code has already been used or replaced by a newer one. Please ask for a new code.</source>
        <translation>This verification code has already been used or replaced by a newer one. Please ask for a new code.</translation>
    </message>
    <message>
        <source>Too many wrong codes were entered. Please ask for a new code.</source>
        <translation>Too many wrong codes were entered. Please ask for a new code.</translation>
    </message>
    <message>
        <source>The verification code has expired (codes are valid for 10 minutes). Please ask for a new code.</source>
        <translation>The verification code has expired (codes are valid for 10 minutes). Please ask for a new code.</translation>
    </message>
    <message>
        <source>The verification code is wrong. %1 tries left.</source>
        <translation>The verification code is wrong. %1 tries left.</translation>
    </message>
    <message>
        <source>limit must be a number from 1 to %1.</source>
        <translation>limit must be a number from 1 to %1.</translation>
    </message>
    <message>
        <source>This file is not on the server.</source>
        <translation>This file is not on the server.</translation>
    </message>
    <message>
        <source>The sync cursor is malformed.</source>
        <translation>The sync cursor is malformed.</translation>
    </message>
    <message>
        <source>The local copy of your data is out of date and will be downloaded again.</source>
        <translation>The local copy of your data is out of date and will be downloaded again.</translation>
    </message>
    <message>
        <source>&quot;mutations&quot; must be a list.</source>
        <translation>&quot;mutations&quot; must be a list.</translation>
    </message>
    <message>
        <source>Send at most %1 mutations at a time.</source>
        <translation>Send at most %1 mutations at a time.</translation>
    </message>
    <message>
        <source>Each mutation must be an object.</source>
        <translation>Each mutation must be an object.</translation>
    </message>
    <message>
        <source>A mutation needs a UUID as its id.</source>
        <translation>A mutation needs a UUID as its id.</translation>
    </message>
    <message>
        <source>A mutation needs a type.</source>
        <translation>A mutation needs a type.</translation>
    </message>
    <message>
        <source>The mutation&apos;s target is too long.</source>
        <translation>The mutation&apos;s target is too long.</translation>
    </message>
    <message>
        <source>baseVersion must be a whole number.</source>
        <translation>baseVersion must be a whole number.</translation>
    </message>
    <message>
        <source>The payload must be an object.</source>
        <translation>The payload must be an object.</translation>
    </message>
    <message>
        <source>The change &quot;%1&quot; is not known to this server.</source>
        <translation>The change &quot;%1&quot; is not known to this server.</translation>
    </message>
    <message>
        <source>You may change only your own profile.</source>
        <translation>You may change only your own profile.</translation>
    </message>
    <message>
        <source>Only learners can study courses and classes.</source>
        <translation>Only learners can study courses and classes.</translation>
    </message>
    <message>
        <source>Only learners send binding requests.</source>
        <translation>Only learners send binding requests.</translation>
    </message>
    <message>
        <source>A binding request needs a new UUID as its target.</source>
        <translation>A binding request needs a new UUID as its target.</translation>
    </message>
    <message>
        <source>This binding request already exists.</source>
        <translation>This binding request already exists.</translation>
    </message>
    <message>
        <source>This employer is not registered in the system. The employer must first register in the continuing education system.</source>
        <translation>This employer is not registered in the system. The employer must first register in the continuing education system.</translation>
    </message>
    <message>
        <source>This employer has already confirmed you.</source>
        <translation>This employer has already confirmed you.</translation>
    </message>
    <message>
        <source>This binding request was not found.</source>
        <translation>This binding request was not found.</translation>
    </message>
    <message>
        <source>Only the employer a request is addressed to can decide it.</source>
        <translation>Only the employer a request is addressed to can decide it.</translation>
    </message>
    <message>
        <source>Give the reason for rejecting the request.</source>
        <translation>Give the reason for rejecting the request.</translation>
    </message>
    <message>
        <source>The reason may have at most 200 characters.</source>
        <translation>The reason may have at most 200 characters.</translation>
    </message>
    <message>
        <source>Your employer has confirmed your real name and resident ID number; they can no longer be changed here.</source>
        <translation>Your employer has confirmed your real name and resident ID number; they can no longer be changed here.</translation>
    </message>
    <message>
        <source>Choose a gender from the list.</source>
        <translation>Choose a gender from the list.</translation>
    </message>
    <message>
        <source>Choose an education level from the list.</source>
        <translation>Choose an education level from the list.</translation>
    </message>
    <message>
        <source>Choose a professional series from the list.</source>
        <translation>Choose a professional series from the list.</translation>
    </message>
    <message>
        <source>This field may have at most 50 characters.</source>
        <translation>This field may have at most 50 characters.</translation>
    </message>
    <message>
        <source>Your employer has not confirmed your identity yet. You can study once it confirms the binding request you sent from your personal information page.</source>
        <translation>Your employer has not confirmed your identity yet. You can study once it confirms the binding request you sent from your personal information page.</translation>
    </message>
    <message>
        <source>Fill in your personal information before sending the request.</source>
        <translation>Fill in your personal information before sending the request.</translation>
    </message>
    <message>
        <source>The hour record is not valid.</source>
        <translation>The hour record is not valid.</translation>
    </message>
    <message>
        <source>Only training institutions manage training classes.</source>
        <translation>Only training institutions manage training classes.</translation>
    </message>
    <message>
        <source>This training class was not found.</source>
        <translation>This training class was not found.</translation>
    </message>
    <message>
        <source>This training class belongs to another institution.</source>
        <translation>This training class belongs to another institution.</translation>
    </message>
    <message>
        <source>This enrolment was not found.</source>
        <translation>This enrolment was not found.</translation>
    </message>
    <message>
        <source>A training class needs a UUID as its id.</source>
        <translation>A training class needs a UUID as its id.</translation>
    </message>
    <message>
        <source>Give the date as YYYY-MM-DD.</source>
        <translation>Give the date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The class name must have 2 to 100 characters.</source>
        <translation>The class name must have 2 to 100 characters.</translation>
    </message>
    <message>
        <source>Choose elective or professional as the subject type.</source>
        <translation>Choose elective or professional as the subject type.</translation>
    </message>
    <message>
        <source>Choose the professional series of a professional class.</source>
        <translation>Choose the professional series of a professional class.</translation>
    </message>
    <message>
        <source>Choose online or offline as the mode.</source>
        <translation>Choose online or offline as the mode.</translation>
    </message>
    <message>
        <source>Give the venue of an offline class.</source>
        <translation>Give the venue of an offline class.</translation>
    </message>
    <message>
        <source>The venue may have at most 200 characters.</source>
        <translation>The venue may have at most 200 characters.</translation>
    </message>
    <message>
        <source>The class cannot end before it starts.</source>
        <translation>The class cannot end before it starts.</translation>
    </message>
    <message>
        <source>The enrolment deadline cannot be after the class ends.</source>
        <translation>The enrolment deadline cannot be after the class ends.</translation>
    </message>
    <message>
        <source>The hours must be a whole number of tenths from %1 to %2.</source>
        <translation>The hours must be a whole number of tenths from %1 to %2.</translation>
    </message>
    <message>
        <source>The capacity must be a whole number from %1 to %2.</source>
        <translation>The capacity must be a whole number from %1 to %2.</translation>
    </message>
    <message>
        <source>The description may have at most 2000 characters.</source>
        <translation>The description may have at most 2000 characters.</translation>
    </message>
    <message>
        <source>The capacity cannot be less than the %1 people already enrolled.</source>
        <translation>The capacity cannot be less than the %1 people already enrolled.</translation>
    </message>
    <message>
        <source>The administrator has not approved your institution yet; classes can be published once it is approved.</source>
        <translation>The administrator has not approved your institution yet; classes can be published once it is approved.</translation>
    </message>
    <message>
        <source>An enrolment needs a new UUID as its target.</source>
        <translation>An enrolment needs a new UUID as its target.</translation>
    </message>
    <message>
        <source>Choose the class to enrol in.</source>
        <translation>Choose the class to enrol in.</translation>
    </message>
    <message>
        <source>This enrolment already exists.</source>
        <translation>This enrolment already exists.</translation>
    </message>
    <message>
        <source>This class no longer accepts enrolments.</source>
        <translation>This class no longer accepts enrolments.</translation>
    </message>
    <message>
        <source>The enrolment deadline of this class (%1) has passed.</source>
        <translation>The enrolment deadline of this class (%1) has passed.</translation>
    </message>
    <message>
        <source>This class is for learners whose employer is in %1; your employer is in %2.</source>
        <translation>This class is for learners whose employer is in %1; your employer is in %2.</translation>
    </message>
    <message>
        <source>You have already enrolled in this class.</source>
        <translation>You have already enrolled in this class.</translation>
    </message>
    <message>
        <source>This class is full.</source>
        <translation>This class is full.</translation>
    </message>
    <message>
        <source>Only an enrolment waiting for the institution&apos;s confirmation can be cancelled.</source>
        <translation>Only an enrolment waiting for the institution&apos;s confirmation can be cancelled.</translation>
    </message>
    <message>
        <source>This enrolment is for another institution&apos;s class.</source>
        <translation>This enrolment is for another institution&apos;s class.</translation>
    </message>
    <message>
        <source>Give the reason for rejecting the enrolment.</source>
        <translation>Give the reason for rejecting the enrolment.</translation>
    </message>
    <message>
        <source>List the enrolments whose hours are confirmed.</source>
        <translation>List the enrolments whose hours are confirmed.</translation>
    </message>
    <message>
        <source>Confirm at most %1 people at a time.</source>
        <translation>Confirm at most %1 people at a time.</translation>
    </message>
    <message>
        <source>Each entry must be an object.</source>
        <translation>Each entry must be an object.</translation>
    </message>
    <message>
        <source>Each entry needs the enrolment&apos;s id.</source>
        <translation>Each entry needs the enrolment&apos;s id.</translation>
    </message>
    <message>
        <source>&quot;absent&quot; must be true or false.</source>
        <translation>&quot;absent&quot; must be true or false.</translation>
    </message>
    <message>
        <source>The hours must be a whole number of tenths.</source>
        <translation>The hours must be a whole number of tenths.</translation>
    </message>
    <message>
        <source>The reason must be text.</source>
        <translation>The reason must be text.</translation>
    </message>
    <message>
        <source>Entry %1 names the same enrolment as entry %2.</source>
        <translation>Entry %1 names the same enrolment as entry %2.</translation>
    </message>
    <message>
        <source>Not enrolled in this class.</source>
        <translation>Not enrolled in this class.</translation>
    </message>
    <message>
        <source>The hours were already confirmed.</source>
        <translation>The hours were already confirmed.</translation>
    </message>
    <message>
        <source>Already recorded as absent.</source>
        <translation>Already recorded as absent.</translation>
    </message>
    <message>
        <source>The enrolment has not been confirmed yet.</source>
        <translation>The enrolment has not been confirmed yet.</translation>
    </message>
    <message>
        <source>The enrolment was rejected or cancelled.</source>
        <translation>The enrolment was rejected or cancelled.</translation>
    </message>
    <message>
        <source>The hours must be from 0 to the class&apos;s %1.</source>
        <translation>The hours must be from 0 to the class&apos;s %1.</translation>
    </message>
    <message>
        <source>Give the reason for the absence.</source>
        <translation>Give the reason for the absence.</translation>
    </message>
    <message>
        <source>Give the reason for fewer hours than the class&apos;s %1.</source>
        <translation>Give the reason for fewer hours than the class&apos;s %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3.</source>
        <translation>&quot;%1&quot; must be a whole number from %2 to %3.</translation>
    </message>
    <message>
        <source>This course does not exist.</source>
        <translation>This course does not exist.</translation>
    </message>
    <message>
        <source>This course cannot count toward %1. Years you can choose now: %2.</source>
        <translation>This course cannot count toward %1. Years you can choose now: %2.</translation>
    </message>
    <message>
        <source>The target of course.select must be the selection&apos;s derived id.</source>
        <translation>The target of course.select must be the selection&apos;s derived id.</translation>
    </message>
    <message>
        <source>You have passed this course; its hours already count toward %1.</source>
        <translation>You have passed this course; its hours already count toward %1.</translation>
    </message>
    <message>
        <source>You have not chosen this course.</source>
        <translation>You have not chosen this course.</translation>
    </message>
    <message>
        <source>The target of lesson.study must be the progress row&apos;s derived id.</source>
        <translation>The target of lesson.study must be the progress row&apos;s derived id.</translation>
    </message>
    <message>
        <source>Choose the course before studying its lessons.</source>
        <translation>Choose the course before studying its lessons.</translation>
    </message>
    <message>
        <source>This lesson is not part of the course.</source>
        <translation>This lesson is not part of the course.</translation>
    </message>
    <message>
        <source>This exam attempt does not exist.</source>
        <translation>This exam attempt does not exist.</translation>
    </message>
    <message>
        <source>This exam attempt has already been graded.</source>
        <translation>This exam attempt has already been graded.</translation>
    </message>
    <message>
        <source>Finish every lesson before the exam: %1 lessons still need study time.</source>
        <translation>Finish every lesson before the exam: %1 lessons still need study time.</translation>
    </message>
    <message>
        <source>&quot;answers&quot; must map each question&apos;s id to the list of chosen option ids.</source>
        <translation>&quot;answers&quot; must map each question&apos;s id to the list of chosen option ids.</translation>
    </message>
    <message>
        <source>Question &quot;%1&quot; is not part of this exam attempt.</source>
        <translation>Question &quot;%1&quot; is not part of this exam attempt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an option of question &quot;%2&quot;.</source>
        <translation>&quot;%1&quot; is not an option of question &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Give a date in the years 2000 to 2100.</source>
        <translation>Give a date in the years 2000 to 2100.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a date and time in ISO 8601 form with its offset, such as 2026-03-01T02:00:00Z.</source>
        <translation>&quot;%1&quot; must be a date and time in ISO 8601 form with its offset, such as 2026-03-01T02:00:00Z.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a NUL character (U+0000).</source>
        <translation>&quot;%1&quot; contains a NUL character (U+0000).</translation>
    </message>
    <message>
        <source>The server is busy. Please try again in a few seconds.</source>
        <translation>The server is busy. Please try again in a few seconds.</translation>
    </message>
    <message>
        <source>Too many connections from your address. Please try again in a few seconds.</source>
        <translation>Too many connections from your address. Please try again in a few seconds.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; may have at most %2 characters.</source>
        <translation>The field &quot;%1&quot; may have at most %2 characters.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; contains a NUL character.</source>
        <translation>The field &quot;%1&quot; contains a NUL character.</translation>
    </message>
    <message>
        <source>This account is locked after failed logins from elsewhere. For your safety, log in again from this computer in %1 seconds.</source>
        <translation>This account is locked after failed logins from elsewhere. For your safety, log in again from this computer in %1 seconds.</translation>
    </message>
    <message>
        <source>Too many failed logins from your network address. Please try again in %1 minute(s).</source>
        <translation>Too many failed logins from your network address. Please try again in %1 minute(s).</translation>
    </message>
    <message>
        <source>The administrator has not approved your organisation yet; you can confirm staff once it is approved.</source>
        <translation>The administrator has not approved your organisation yet; you can confirm staff once it is approved.</translation>
    </message>
    <message>
        <source>List the resident ID numbers to match.</source>
        <translation>List the resident ID numbers to match.</translation>
    </message>
    <message>
        <source>Match at most %1 resident ID numbers at a time.</source>
        <translation>Match at most %1 resident ID numbers at a time.</translation>
    </message>
    <message>
        <source>Each resident ID number must be text of at most %1 characters.</source>
        <translation>Each resident ID number must be text of at most %1 characters.</translation>
    </message>
    <message>
        <source>Your institution has used today&apos;s %1 checks of resident ID numbers that do not belong to the enrolled person they resemble. Matching resumes tomorrow (China time); until then confirm people in the table or by name.</source>
        <translation>Your institution has used today&apos;s %1 checks of resident ID numbers that do not belong to the enrolled person they resemble. Matching resumes tomorrow (China time); until then confirm people in the table or by name.</translation>
    </message>
    <message>
        <source>&quot;endedAt&quot; must not be before &quot;startedAt&quot;.</source>
        <translation>&quot;endedAt&quot; must not be before &quot;startedAt&quot;.</translation>
    </message>
    <message>
        <source>%1 of %2 seconds were credited: more seconds were claimed than passed between the start and the end of the study the claim gives.</source>
        <translation>%1 of %2 seconds were credited: more seconds were claimed than passed between the start and the end of the study the claim gives.</translation>
    </message>
    <message>
        <source>%1 of %2 seconds were credited: study time counts only from when the server received the choice of the course, and the rest of this claim lies before it.</source>
        <translation>%1 of %2 seconds were credited: study time counts only from when the server received the choice of the course, and the rest of this claim lies before it.</translation>
    </message>
    <message>
        <source>%1 of %2 seconds were credited: the rest of this time was already credited to your study of this or another lesson, and the same time counts only once.</source>
        <translation>%1 of %2 seconds were credited: the rest of this time was already credited to your study of this or another lesson, and the same time counts only once.</translation>
    </message>
    <message>
        <source>&quot;finishedAt&quot; must not be before &quot;startedAt&quot;.</source>
        <translation>&quot;finishedAt&quot; must not be before &quot;startedAt&quot;.</translation>
    </message>
    <message>
        <source>The exam ended before it started by the computer&apos;s clock, which was set back during the exam, so its time cannot be judged. Set the clock right and take the exam again.</source>
        <translation>The exam ended before it started by the computer&apos;s clock, which was set back during the exam, so its time cannot be judged. Set the clock right and take the exam again.</translation>
    </message>
    <message>
        <source>Only an administrator approves organisations.</source>
        <translation>Only an administrator approves organisations.</translation>
    </message>
    <message>
        <source>Give the reason for rejecting the organisation.</source>
        <translation>Give the reason for rejecting the organisation.</translation>
    </message>
    <message>
        <source>The reason may have at most %1 characters.</source>
        <translation>The reason may have at most %1 characters.</translation>
    </message>
    <message>
        <source>This organisation was not found.</source>
        <translation>This organisation was not found.</translation>
    </message>
    <message>
        <source>Too many verification codes were requested from your network address today. Please try again in %1 hour(s).</source>
        <translation>Too many verification codes were requested from your network address today. Please try again in %1 hour(s).</translation>
    </message>
    <message>
        <source>Too many verification codes were requested for this account today. Please try again in %1 hour(s).</source>
        <translation>Too many verification codes were requested for this account today. Please try again in %1 hour(s).</translation>
    </message>
    <message>
        <source>Too many wrong verification codes were entered for this account today. Please try again in %1 hour(s).</source>
        <translation>Too many wrong verification codes were entered for this account today. Please try again in %1 hour(s).</translation>
    </message>
    <message>
        <source>Too many wrong verification codes were entered from your network address today. Please try again in %1 hour(s).</source>
        <translation>Too many wrong verification codes were entered from your network address today. Please try again in %1 hour(s).</translation>
    </message>
    <message>
        <source>A class can be held only within the institution&apos;s own administrative region (%1).</source>
        <translation>A class can be held only within the institution&apos;s own administrative region (%1).</translation>
    </message>
    <message>
        <source>Hours can be confirmed once the class has ended (its last day is %1).</source>
        <translation>Hours can be confirmed once the class has ended (its last day is %1).</translation>
    </message>
    <message>
        <source>offset must be a whole number of bytes.</source>
        <translation>offset must be a whole number of bytes.</translation>
    </message>
    <message>
        <source>Send the file&apos;s bytes as application/octet-stream.</source>
        <translation>Send the file&apos;s bytes as application/octet-stream.</translation>
    </message>
    <message>
        <source>This declaration was not found.</source>
        <translation>This declaration was not found.</translation>
    </message>
    <message>
        <source>This attachment was not found.</source>
        <translation>This attachment was not found.</translation>
    </message>
    <message>
        <source>Your employer has confirmed this declaration; it can no longer be changed.</source>
        <translation>Your employer has confirmed this declaration; it can no longer be changed.</translation>
    </message>
    <message>
        <source>Only learners declare their own training hours.</source>
        <translation>Only learners declare their own training hours.</translation>
    </message>
    <message>
        <source>A declaration needs a UUID as its id.</source>
        <translation>A declaration needs a UUID as its id.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; must be a whole number.</source>
        <translation>The field &quot;%1&quot; must be a whole number.</translation>
    </message>
    <message>
        <source>Attach proof of the training (a PDF, JPEG or PNG file) before submitting.</source>
        <translation>Attach proof of the training (a PDF, JPEG or PNG file) before submitting.</translation>
    </message>
    <message>
        <source>Only the HR office of the employer a declaration was submitted to decides it.</source>
        <translation>Only the HR office of the employer a declaration was submitted to decides it.</translation>
    </message>
    <message>
        <source>The administrator has not approved your organisation yet; you can review declarations once it is approved.</source>
        <translation>The administrator has not approved your organisation yet; you can review declarations once it is approved.</translation>
    </message>
    <message>
        <source>Give the reason for returning the declaration.</source>
        <translation>Give the reason for returning the declaration.</translation>
    </message>
    <message>
        <source>An attachment needs a new UUID (lower case) as its id.</source>
        <translation>An attachment needs a new UUID (lower case) as its id.</translation>
    </message>
    <message>
        <source>The file name has no usable characters.</source>
        <translation>The file name has no usable characters.</translation>
    </message>
    <message>
        <source>The size must be a whole number of bytes, at least 1.</source>
        <translation>The size must be a whole number of bytes, at least 1.</translation>
    </message>
    <message>
        <source>An attachment may have at most %1 MB; this file has %2 MB.</source>
        <translation>An attachment may have at most %1 MB; this file has %2 MB.</translation>
    </message>
    <message>
        <source>The checksum must be a SHA-256 in 64 hexadecimal digits.</source>
        <translation>The checksum must be a SHA-256 in 64 hexadecimal digits.</translation>
    </message>
    <message>
        <source>This attachment id is already used for another file.</source>
        <translation>This attachment id is already used for another file.</translation>
    </message>
    <message>
        <source>A declaration may have at most %1 attachments. Remove one before adding another.</source>
        <translation>A declaration may have at most %1 attachments. Remove one before adding another.</translation>
    </message>
    <message>
        <source>You have stored %1 attachments, the most the server keeps for one person.</source>
        <translation>You have stored %1 attachments, the most the server keeps for one person.</translation>
    </message>
    <message>
        <source>Send an attachment in pieces of at most %1 KiB.</source>
        <translation>Send an attachment in pieces of at most %1 KiB.</translation>
    </message>
    <message>
        <source>The piece of the file is empty.</source>
        <translation>The piece of the file is empty.</translation>
    </message>
    <message>
        <source>The server has %1 bytes of this file; send the rest from there.</source>
        <translation>The server has %1 bytes of this file; send the rest from there.</translation>
    </message>
    <message>
        <source>The piece goes past the %1 bytes announced for the file.</source>
        <translation>The piece goes past the %1 bytes announced for the file.</translation>
    </message>
    <message>
        <source>The file arrived changed (its SHA-256 checksum differs) and was discarded. Upload it again.</source>
        <translation>The file arrived changed (its SHA-256 checksum differs) and was discarded. Upload it again.</translation>
    </message>
    <message>
        <source>This file is not a PDF, JPEG or PNG file (whatever its name says) and was discarded. Attach the proof as a PDF, JPEG or PNG file.</source>
        <translation>This file is not a PDF, JPEG or PNG file (whatever its name says) and was discarded. Attach the proof as a PDF, JPEG or PNG file.</translation>
    </message>
    <message>
        <source>A submitted declaration keeps at least one attachment. Add another first, or withdraw the declaration.</source>
        <translation>A submitted declaration keeps at least one attachment. Add another first, or withdraw the declaration.</translation>
    </message>
    <message>
        <source>This certificate was not found.</source>
        <translation>This certificate was not found.</translation>
    </message>
    <message>
        <source>A certificate number is XS, the year and ten letters or digits, like XS2026K7M3Q9X2PA.</source>
        <translation>A certificate number is XS, the year and ten letters or digits, like XS2026K7M3Q9X2PA.</translation>
    </message>
    <message>
        <source>Give the reason for revoking the certificate.</source>
        <translation>Give the reason for revoking the certificate.</translation>
    </message>
    <message>
        <source>The reason must not contain control characters.</source>
        <translation>The reason must not contain control characters.</translation>
    </message>
    <message>
        <source>Only learners ask for their own certificates.</source>
        <translation>Only learners ask for their own certificates.</translation>
    </message>
    <message>
        <source>The year must be a whole number from %1 to %2.</source>
        <translation>The year must be a whole number from %1 to %2.</translation>
    </message>
    <message>
        <source>The confirmed hours of %1 do not meet the year&apos;s requirement yet: %2</source>
        <translation>The confirmed hours of %1 do not meet the year&apos;s requirement yet: %2</translation>
    </message>
    <message>
        <source>Only the administrator revokes certificates.</source>
        <translation>Only the administrator revokes certificates.</translation>
    </message>
    <message>
        <source>This certificate has no current version to revoke: it was revoked already.</source>
        <translation>This certificate has no current version to revoke: it was revoked already.</translation>
    </message>
    <message>
        <source>Hours of a policy are between 0 and 1,000.</source>
        <translation>Hours of a policy are between 0 and 1,000.</translation>
    </message>
    <message>
        <source>The region of a policy is a 6-digit administrative region code of the region table, or none for the national policy.</source>
        <translation>The region of a policy is a 6-digit administrative region code of the region table, or none for the national policy.</translation>
    </message>
    <message>
        <source>The year is between 2000 and 2100.</source>
        <translation>The year is between 2000 and 2100.</translation>
    </message>
    <message>
        <source>A year requires at least 0.1 hours in total.</source>
        <translation>A year requires at least 0.1 hours in total.</translation>
    </message>
    <message>
        <source>The hours of a training day are between 0.1 and 24.</source>
        <translation>The hours of a training day are between 0.1 and 24.</translation>
    </message>
    <message>
        <source>The first day is not a valid date.</source>
        <translation>The first day is not a valid date.</translation>
    </message>
    <message>
        <source>The deadline is not a valid date.</source>
        <translation>The deadline is not a valid date.</translation>
    </message>
    <message>
        <source>The first day to enter hours comes after the deadline.</source>
        <translation>The first day to enter hours comes after the deadline.</translation>
    </message>
    <message>
        <source>Only a region&apos;s policy can be removed; change the national one instead.</source>
        <translation>Only a region&apos;s policy can be removed; change the national one instead.</translation>
    </message>
    <message>
        <source>There is no policy of %1 for the region %2.</source>
        <translation>There is no policy of %1 for the region %2.</translation>
    </message>
    <message>
        <source>count must be 0 or 1.</source>
        <translation>count must be 0 or 1.</translation>
    </message>
    <message>
        <source>The server cannot reach its database. Please try again later.</source>
        <translation>The server cannot reach its database. Please try again later.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>The resident ID number must have 18 characters.</source>
        <translation>The resident ID number must have 18 characters.</translation>
    </message>
    <message>
        <source>The resident ID number may contain only digits and an X as the last character.</source>
        <translation>The resident ID number may contain only digits and an X as the last character.</translation>
    </message>
    <message>
        <source>The region code at the start of the resident ID number is unknown.</source>
        <translation>The region code at the start of the resident ID number is unknown.</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number is not a real date.</source>
        <translation>The birth date in the resident ID number is not a real date.</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number is before 1900.</source>
        <translation>The birth date in the resident ID number is before 1900.</translation>
    </message>
    <message>
        <source>The birth date in the resident ID number is in the future.</source>
        <translation>The birth date in the resident ID number is in the future.</translation>
    </message>
    <message>
        <source>Use an upper-case X as the last character of the resident ID number.</source>
        <translation>Use an upper-case X as the last character of the resident ID number.</translation>
    </message>
    <message>
        <source>The check digit of the resident ID number is wrong. Check the number for typing errors.</source>
        <translation>The check digit of the resident ID number is wrong. Check the number for typing errors.</translation>
    </message>
    <message>
        <source>The unified social credit code must have 18 characters.</source>
        <translation>The unified social credit code must have 18 characters.</translation>
    </message>
    <message>
        <source>The unified social credit code may contain only digits and the letters A to Y except I, O, S, V and Z.</source>
        <translation>The unified social credit code may contain only digits and the letters A to Y except I, O, S, V and Z.</translation>
    </message>
    <message>
        <source>Use upper-case letters in the unified social credit code.</source>
        <translation>Use upper-case letters in the unified social credit code.</translation>
    </message>
    <message>
        <source>The check character of the unified social credit code is wrong. Check the code for typing errors.</source>
        <translation>The check character of the unified social credit code is wrong. Check the code for typing errors.</translation>
    </message>
    <message>
        <source>The mobile number must have 11 digits.</source>
        <translation>The mobile number must have 11 digits.</translation>
    </message>
    <message>
        <source>The mobile number must start with 13 to 19, like 13812345678.</source>
        <translation>The mobile number must start with 13 to 19, like 13812345678.</translation>
    </message>
    <message>
        <source>The e-mail address is too long; it may have at most 254 characters.</source>
        <translation>The e-mail address is too long; it may have at most 254 characters.</translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com.</source>
        <translation>Enter an e-mail address like name@example.com.</translation>
    </message>
    <message>
        <source>The user name must have 4 to 32 characters.</source>
        <translation>The user name must have 4 to 32 characters.</translation>
    </message>
    <message>
        <source>The user name must start with a letter (a-z, A-Z).</source>
        <translation>The user name must start with a letter (a-z, A-Z).</translation>
    </message>
    <message>
        <source>The user name may contain only letters a-z and A-Z, digits, underscores, dots and hyphens.</source>
        <translation>The user name may contain only letters a-z and A-Z, digits, underscores, dots and hyphens.</translation>
    </message>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>The password must have at least 8 characters.</translation>
    </message>
    <message>
        <source>The password may have at most 128 characters.</source>
        <translation>The password may have at most 128 characters.</translation>
    </message>
    <message>
        <source>The password must contain at least one letter.</source>
        <translation>The password must contain at least one letter.</translation>
    </message>
    <message>
        <source>The password must contain at least one digit.</source>
        <translation>The password must contain at least one digit.</translation>
    </message>
    <message>
        <source>The name must not contain line breaks, tabs or other control characters.</source>
        <translation>The name must not contain line breaks, tabs or other control characters.</translation>
    </message>
    <message>
        <source>The name must have 2 to 50 characters.</source>
        <translation>The name must have 2 to 50 characters.</translation>
    </message>
    <message>
        <source>The organisation name must not contain line breaks, tabs or other control characters.</source>
        <translation>The organisation name must not contain line breaks, tabs or other control characters.</translation>
    </message>
    <message>
        <source>The organisation name must have 2 to 100 characters.</source>
        <translation>The organisation name must have 2 to 100 characters.</translation>
    </message>
    <message>
        <source>Enter a mobile number like 13812345678 or a landline number like 020-12345678 (with an optional extension: 020-12345678-123).</source>
        <translation>Enter a mobile number like 13812345678 or a landline number like 020-12345678 (with an optional extension: 020-12345678-123).</translation>
    </message>
    <message>
        <source>At most 50 characters.</source>
        <translation>At most 50 characters.</translation>
    </message>
</context>
<context>
    <name>xueshi::AccountPage</name>
    <message>
        <source>Enter your current password.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>At least 8 characters, with letters and digits</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
    <message>
        <source>Enter the new password again.</source>
        <translation>Enter the new password again.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Awaiting administrator approval</source>
        <translation>Awaiting administrator approval</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Approved: may run training classes</source>
        <translation>Approved: may run training classes</translation>
    </message>
    <message>
        <source>Not yet approved by an administrator</source>
        <translation>Not yet approved by an administrator</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>Changing the password…</translation>
    </message>
    <message>
        <source>The password has been changed. Other devices logged in with this account have been logged out.</source>
        <translation>The password has been changed. Other devices logged in with this account have been logged out.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Your account details, your password, and logging out.</source>
        <translation>Your account details, your password, and logging out.</translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>Account details</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>Personal information</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Real name</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>Resident ID number</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Administrative region</source>
        <translation>Administrative region</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>Personal data is partly hidden on screen to protect your privacy.</source>
        <translation>Personal data is partly hidden on screen to protect your privacy.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>End the session on this computer. You need your password to log in again.</source>
        <translation>End the session on this computer. You need your password to log in again.</translation>
    </message>
    <message>
        <source>Institution details</source>
        <translation>Institution details</translation>
    </message>
    <message>
        <source>Employer details</source>
        <translation>Employer details</translation>
    </message>
    <message>
        <source>Needed to confirm that it is you</source>
        <translation>Needed to confirm that it is you</translation>
    </message>
    <message>
        <source>Enter the new password again</source>
        <translation>Enter the new password again</translation>
    </message>
    <message>
        <source>Contact details can be changed here after the first sync.</source>
        <translation>Contact details can be changed here after the first sync.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent to the server: the values above are this computer&apos;s.</source>
        <translation>
            <numerusform>%n change not yet sent to the server: the values above are this computer&apos;s.</numerusform>
            <numerusform>%n changes not yet sent to the server: the values above are this computer&apos;s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change contact details</source>
        <translation>Change contact details</translation>
    </message>
</context>
<context>
    <name>xueshi::AdministratorWindow</name>
    <message>
        <source>Organisation review</source>
        <translation>Organisation review</translation>
    </message>
    <message>
        <source>Certificate management</source>
        <translation>Certificate management</translation>
    </message>
</context>
<context>
    <name>xueshi::ApiClient</name>
    <message>
        <source>Enter the server address.</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid server address.</source>
        <translation>&quot;%1&quot; is not a valid server address.</translation>
    </message>
    <message>
        <source>The server address must start with https://: the connection is always encrypted.</source>
        <translation>The server address must start with https://: the connection is always encrypted.</translation>
    </message>
    <message>
        <source>The certificate of the server %1 has changed since you trusted it. This may be an attack: do not continue unless the administrator confirms the new certificate.</source>
        <translation>The certificate of the server %1 has changed since you trusted it. This may be an attack: do not continue unless the administrator confirms the new certificate.</translation>
    </message>
    <message>
        <source>The certificate of the server %1 is not trusted yet.</source>
        <translation>The certificate of the server %1 is not trusted yet.</translation>
    </message>
    <message>
        <source>The server sent an answer this program cannot read. Is %1 a Xueshi server?</source>
        <translation>The server sent an answer this program cannot read. Is %1 a Xueshi server?</translation>
    </message>
    <message>
        <source>The server refused the request (%1).</source>
        <translation>The server refused the request (%1).</translation>
    </message>
    <message>
        <source>The server had a problem answering (HTTP %1). Please try again later.</source>
        <translation>The server had a problem answering (HTTP %1). Please try again later.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1). Is %2 a Xueshi server?</source>
        <translation>The server refused the request (HTTP %1). Is %2 a Xueshi server?</translation>
    </message>
    <message>
        <source>The server %1 refused the connection. Check that the server is running and the address is right.</source>
        <translation>The server %1 refused the connection. Check that the server is running and the address is right.</translation>
    </message>
    <message>
        <source>The server %1 was not found. Check the address and your network connection.</source>
        <translation>The server %1 was not found. Check the address and your network connection.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time. Check your network connection and try again.</source>
        <translation>The server %1 did not answer in time. Check your network connection and try again.</translation>
    </message>
    <message>
        <source>The server %1 closed the connection unexpectedly. Please try again.</source>
        <translation>The server %1 closed the connection unexpectedly. Please try again.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established: %2</source>
        <translation>A secure connection to %1 could not be established: %2</translation>
    </message>
    <message>
        <source>The network is not available. Check your network connection.</source>
        <translation>The network is not available. Check your network connection.</translation>
    </message>
    <message>
        <source>Cannot connect to the server %1: %2</source>
        <translation>Cannot connect to the server %1: %2</translation>
    </message>
</context>
<context>
    <name>xueshi::AttachmentCache</name>
    <message>
        <source>The attachments cannot be saved: the folder %1 cannot be created.</source>
        <translation>The attachments cannot be saved: the folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The attachments cannot be saved: %1</source>
        <translation>The attachments cannot be saved: %1</translation>
    </message>
    <message>
        <source>An attachment from the server is larger than its declaration says; it was not kept.</source>
        <translation>An attachment from the server is larger than its declaration says; it was not kept.</translation>
    </message>
    <message>
        <source>The attachments could not be downloaded (%1); they are fetched at the next sync.</source>
        <translation>The attachments could not be downloaded (%1); they are fetched at the next sync.</translation>
    </message>
    <message>
        <source>The server refused an attachment (HTTP %1).</source>
        <translation>The server refused an attachment (HTTP %1).</translation>
    </message>
    <message>
        <source>The server refused an attachment (HTTP %1): %2</source>
        <translation>The server refused an attachment (HTTP %1): %2</translation>
    </message>
    <message>
        <source>A downloaded attachment is damaged (its checksum does not match) and was deleted; it is fetched again at the next sync.</source>
        <translation>A downloaded attachment is damaged (its checksum does not match) and was deleted; it is fetched again at the next sync.</translation>
    </message>
    <message>
        <source>The attachments cannot be saved: %1 cannot be written.</source>
        <translation>The attachments cannot be saved: %1 cannot be written.</translation>
    </message>
</context>
<context>
    <name>xueshi::AttachmentUploads</name>
    <message>
        <source>Save the record before attaching files.</source>
        <translation>Save the record before attaching files.</translation>
    </message>
    <message numerus="yes">
        <source>A record can have at most %n attachments.</source>
        <translation>
            <numerusform>A record can have at most %n attachment.</numerusform>
            <numerusform>A record can have at most %n attachments.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file that can be read.</source>
        <translation>&quot;%1&quot; is not a file that can be read.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is larger than 10 MB. Attach a smaller file (scan it at a lower resolution, for example).</source>
        <translation>&quot;%1&quot; is larger than 10 MB. Attach a smaller file (scan it at a lower resolution, for example).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read: %2</source>
        <translation>&quot;%1&quot; cannot be read: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PDF, JPEG or PNG file: its content is something else, whatever its name says.</source>
        <translation>&quot;%1&quot; is not a PDF, JPEG or PNG file: its content is something else, whatever its name says.</translation>
    </message>
    <message>
        <source>The attachment cannot be stored on this computer.</source>
        <translation>The attachment cannot be stored on this computer.</translation>
    </message>
    <message>
        <source>The attachment cannot be stored on this computer: %1</source>
        <translation>The attachment cannot be stored on this computer: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty.</source>
        <translation>&quot;%1&quot; is empty.</translation>
    </message>
    <message>
        <source>The copy of &quot;%1&quot; on this computer cannot be read.</source>
        <translation>The copy of &quot;%1&quot; on this computer cannot be read.</translation>
    </message>
</context>
<context>
    <name>xueshi::AttendancePreviewDialog</name>
    <message>
        <source>Import attendance: %1</source>
        <translation>Import attendance: %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Matched person or problem</source>
        <translation>Matched person or problem</translation>
    </message>
    <message>
        <source>%1 — absent</source>
        <translation>%1 — absent</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n row(s) can be applied: correct the file and import it again.</source>
        <translation>
            <numerusform>None of the %n row can be applied: correct the file and import it again.</numerusform>
            <numerusform>None of the %n rows can be applied: correct the file and import it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) match confirmed enrolments. Apply confirms their hours in one batch.</source>
        <translation>
            <numerusform>%n row match confirmed enrolments. Apply confirms their hours in one batch.</numerusform>
            <numerusform>%n rows match confirmed enrolments. Apply confirms their hours in one batch.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 row(s) can be applied, %2 row(s) have problems and are left out. Apply confirms the good rows in one batch.</source>
        <translation>%1 row(s) can be applied, %2 row(s) have problems and are left out. Apply confirms the good rows in one batch.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Awaiting the server&apos;s check</source>
        <translation>Awaiting the server&apos;s check</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a resident ID number await the server&apos;s check: this computer holds masked ID numbers only, so the server says whose number it is, and only rows it matched are applied.</source>
        <translation>
            <numerusform>%n row with a resident ID number awaits the server&apos;s check: this computer holds masked ID numbers only, so the server says whose number it is, and only rows it matched are applied.</numerusform>
            <numerusform>%n rows with a resident ID number await the server&apos;s check: this computer holds masked ID numbers only, so the server says whose number it is, and only rows it matched are applied.</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Asking the server…</translation>
    </message>
    <message>
        <source>The server refused to check them: %1 Apply leaves these rows out.</source>
        <translation>The server refused to check them: %1 Apply leaves these rows out.</translation>
    </message>
    <message>
        <source>The server could not be reached: %1 Until it answers, Apply leaves these rows out; use Check again once connected.</source>
        <translation>The server could not be reached: %1 Until it answers, Apply leaves these rows out; use Check again once connected.</translation>
    </message>
    <message numerus="yes">
        <source>Your institution may check %n more resident ID number(s) today that resemble an enrolled person&apos;s without being theirs.</source>
        <translation>
            <numerusform>Your institution may check %n more resident ID number today that resembles an enrolled person&apos;s without being theirs.</numerusform>
            <numerusform>Your institution may check %n more resident ID numbers today that resemble an enrolled person&apos;s without being theirs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::BindingTableModel</name>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (not sent yet)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>xueshi::BindingText</name>
    <message>
        <source>Waiting for the employer to confirm</source>
        <translation>Waiting for the employer to confirm</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Doctoral graduate</source>
        <translation>Doctoral graduate</translation>
    </message>
    <message>
        <source>Master&apos;s graduate</source>
        <translation>Master&apos;s graduate</translation>
    </message>
    <message>
        <source>Bachelor&apos;s degree</source>
        <translation>Bachelor&apos;s degree</translation>
    </message>
    <message>
        <source>Junior college</source>
        <translation>Junior college</translation>
    </message>
    <message>
        <source>Secondary school or high school</source>
        <translation>Secondary school or high school</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>xueshi::CertificateDocument</name>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Certificate of Continuing Education</source>
        <translation>Certificate of Continuing Education</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Hours obtained</source>
        <translation>Hours obtained</translation>
    </message>
    <message>
        <source>Public subjects</source>
        <translation>Public subjects</translation>
    </message>
    <message>
        <source>Professional subjects</source>
        <translation>Professional subjects</translation>
    </message>
    <message>
        <source>Elective subjects</source>
        <translation>Elective subjects</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Annual requirement: %1 hours in total</source>
        <translation>Annual requirement: %1 hours in total</translation>
    </message>
    <message>
        <source>Annual certification: %1</source>
        <translation>Annual certification: %1</translation>
    </message>
    <message>
        <source>Serial number: %1</source>
        <translation>Serial number: %1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>Issued on: %1</source>
        <translation>Issued on: %1</translation>
    </message>
    <message>
        <source>Scan the QR code, or check it in Xueshi under [Verify certificate]</source>
        <translation>Scan the QR code, or check it in Xueshi under [Verify certificate]</translation>
    </message>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>The printer or file could not be opened.</translation>
    </message>
    <message>
        <source>The certificate&apos;s QR code could not be made.</source>
        <translation>The certificate&apos;s QR code could not be made.</translation>
    </message>
    <message>
        <source>The certificate&apos;s serial number is not valid.</source>
        <translation>The certificate&apos;s serial number is not valid.</translation>
    </message>
</context>
<context>
    <name>xueshi::CertificateTrustDialog</name>
    <message>
        <source>Server certificate</source>
        <translation>Server certificate</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed</source>
        <translation>The certificate of %1 has changed</translation>
    </message>
    <message>
        <source>Warning: the server now presents a different certificate from the one you trusted before. The administrator may have replaced it, or someone may be impersonating the server to read your password (a man-in-the-middle attack). Do not continue unless the administrator confirms the new fingerprint.</source>
        <translation>Warning: the server now presents a different certificate from the one you trusted before. The administrator may have replaced it, or someone may be impersonating the server to read your password (a man-in-the-middle attack). Do not continue unless the administrator confirms the new fingerprint.</translation>
    </message>
    <message>
        <source>Compare the new fingerprint with the one the administrator gives you. Trust the new certificate only if they are exactly the same.</source>
        <translation>Compare the new fingerprint with the one the administrator gives you. Trust the new certificate only if they are exactly the same.</translation>
    </message>
    <message>
        <source>Fingerprint you trusted before (SHA-256):</source>
        <translation>Fingerprint you trusted before (SHA-256):</translation>
    </message>
    <message>
        <source>New fingerprint (SHA-256):</source>
        <translation>New fingerprint (SHA-256):</translation>
    </message>
    <message>
        <source>I have checked the new fingerprint with the administrator</source>
        <translation>I have checked the new fingerprint with the administrator</translation>
    </message>
    <message>
        <source>Trust the new certificate</source>
        <translation>Trust the new certificate</translation>
    </message>
    <message>
        <source>Do you trust the server %1?</source>
        <translation>Do you trust the server %1?</translation>
    </message>
    <message>
        <source>This is the first connection to %1 from this computer, and its certificate is not issued by a public certificate authority (the Xueshi server creates its own certificate when it starts for the first time). Check that the fingerprint below is the server&apos;s before you continue.</source>
        <translation>This is the first connection to %1 from this computer, and its certificate is not issued by a public certificate authority (the Xueshi server creates its own certificate when it starts for the first time). Check that the fingerprint below is the server&apos;s before you continue.</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>Certificate fingerprint (SHA-256):</translation>
    </message>
    <message>
        <source>Trust and continue</source>
        <translation>Trust and continue</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>How to check: the server prints its fingerprint when it starts (&quot;Certificate SHA-256 fingerprint: …&quot;); ask its administrator for it and compare every character. Once trusted, the certificate is remembered for this server and you will not be asked again unless it changes.</source>
        <translation>How to check: the server prints its fingerprint when it starts (&quot;Certificate SHA-256 fingerprint: …&quot;); ask its administrator for it and compare every character. Once trusted, the certificate is remembered for this server and you will not be asked again unless it changes.</translation>
    </message>
    <message>
        <source>The server sent no certificate; it cannot be trusted.</source>
        <translation>The server sent no certificate; it cannot be trusted.</translation>
    </message>
    <message>
        <source>Issued to: %1
Issued by: %2
Valid from %3 to %4
Why it is not trusted automatically: %5</source>
        <translation>Issued to: %1
Issued by: %2
Valid from %3 to %4
Why it is not trusted automatically: %5</translation>
    </message>
</context>
<context>
    <name>xueshi::CertificateVerifier</name>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Tampered with (%1)</source>
        <translation>Tampered with (%1)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Invalid signature</source>
        <translation>Invalid signature</translation>
    </message>
    <message>
        <source>Unknown signing key</source>
        <translation>Unknown signing key</translation>
    </message>
    <message>
        <source>Not a Xueshi certificate</source>
        <translation>Not a Xueshi certificate</translation>
    </message>
    <message>
        <source>No QR code found</source>
        <translation>No QR code found</translation>
    </message>
    <message>
        <source>Unknown to the server</source>
        <translation>Unknown to the server</translation>
    </message>
    <message>
        <source>Not checked online: %1</source>
        <translation>Not checked online: %1</translation>
    </message>
    <message>
        <source>This version is unknown to the server</source>
        <translation>This version is unknown to the server</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Revoked: %1</source>
        <translation>Revoked: %1</translation>
    </message>
    <message>
        <source>Superseded by version %1</source>
        <translation>Superseded by version %1</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Public subjects</source>
        <translation>Public subjects</translation>
    </message>
    <message>
        <source>Professional subjects</source>
        <translation>Professional subjects</translation>
    </message>
    <message>
        <source>Elective subjects</source>
        <translation>Elective subjects</translation>
    </message>
    <message>
        <source>Total hours</source>
        <translation>Total hours</translation>
    </message>
    <message>
        <source>Required hours</source>
        <translation>Required hours</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>No QR code was found in the image.</source>
        <translation>No QR code was found in the image.</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>The file could not be opened: %1</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB.</source>
        <translation>The file is larger than %1 MB.</translation>
    </message>
    <message>
        <source>The PDF could not be read.</source>
        <translation>The PDF could not be read.</translation>
    </message>
    <message>
        <source>No QR code was found on the first page of the PDF.</source>
        <translation>No QR code was found on the first page of the PDF.</translation>
    </message>
    <message>
        <source>The file is neither a PDF nor an image.</source>
        <translation>The file is neither a PDF nor an image.</translation>
    </message>
    <message>
        <source>The image is larger than %1 megapixels.</source>
        <translation>The image is larger than %1 megapixels.</translation>
    </message>
    <message>
        <source>The image could not be read: %1</source>
        <translation>The image could not be read: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1 (changed)</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>The text printed on the page matches the QR code.</source>
        <translation>The text printed on the page matches the QR code.</translation>
    </message>
    <message>
        <source>The serial number is not valid.</source>
        <translation>The serial number is not valid.</translation>
    </message>
    <message>
        <source>No server address is set.</source>
        <translation>No server address is set.</translation>
    </message>
    <message>
        <source>Not an Ed25519 public key in base64 (32 bytes): %1</source>
        <translation>Not an Ed25519 public key in base64 (32 bytes): %1</translation>
    </message>
    <message>
        <source>%1 (server %2)</source>
        <translation>%1 (server %2)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
</context>
<context>
    <name>xueshi::CertificatesPage</name>
    <message>
        <source>The server has not issued the certificate yet. Try again when the connection is better.</source>
        <translation>The server has not issued the certificate yet. Try again when the connection is better.</translation>
    </message>
    <message>
        <source>The certificate could not be issued now: %1</source>
        <translation>The certificate could not be issued now: %1</translation>
    </message>
    <message>
        <source>The server did not issue the certificate: %1</source>
        <translation>The server did not issue the certificate: %1</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <source>No. %1 revoked: %2</source>
        <translation>No. %1 revoked: %2</translation>
    </message>
    <message>
        <source>No. %1 (version %2) issued; the hours changed since: printing issues a new version</source>
        <translation>No. %1 (version %2) issued; the hours changed since: printing issues a new version</translation>
    </message>
    <message>
        <source>No. %1, version %2, issued %3</source>
        <translation>No. %1, version %2, issued %3</translation>
    </message>
    <message>
        <source>Not issued yet: printing asks the server for it</source>
        <translation>Not issued yet: printing asks the server for it</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>%1: annual certification</source>
        <translation>%1: annual certification</translation>
    </message>
    <message>
        <source>Annual certification: %1</source>
        <translation>Annual certification: %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>%1 hours are awaiting confirmation and do not count yet.</source>
        <translation>%1 hours are awaiting confirmation and do not count yet.</translation>
    </message>
    <message>
        <source>Hour records that count (%1)</source>
        <translation>Hour records that count (%1)</translation>
    </message>
    <message>
        <source>Awaiting confirmation, not counted (%1)</source>
        <translation>Awaiting confirmation, not counted (%1)</translation>
    </message>
    <message>
        <source>Certificate No. %1 (version %2) was issued on %3.</source>
        <translation>Certificate No. %1 (version %2) was issued on %3.</translation>
    </message>
    <message>
        <source>The certificate is issued by the server when you print it (a connection is needed once).</source>
        <translation>The certificate is issued by the server when you print it (a connection is needed once).</translation>
    </message>
    <message>
        <source>A certificate can be printed once the year&apos;s hours meet the requirement.</source>
        <translation>A certificate can be printed once the year&apos;s hours meet the requirement.</translation>
    </message>
    <message>
        <source>The selected year has not passed yet.</source>
        <translation>The selected year has not passed yet.</translation>
    </message>
    <message>
        <source>%1 has not passed: %2</source>
        <translation>%1 has not passed: %2</translation>
    </message>
    <message>
        <source>Offline: this is the certificate issued last (version %1). A version with the new hours is issued once you are online.</source>
        <translation>Offline: this is the certificate issued last (version %1). A version with the new hours is issued once you are online.</translation>
    </message>
    <message>
        <source>The server issues and signs the certificate: connect to the network once, then print again.</source>
        <translation>The server issues and signs the certificate: connect to the network once, then print again.</translation>
    </message>
    <message>
        <source>Asking the server to issue the certificate…</source>
        <translation>Asking the server to issue the certificate…</translation>
    </message>
    <message>
        <source>Certificate No. %1 was revoked: %2</source>
        <translation>Certificate No. %1 was revoked: %2</translation>
    </message>
    <message>
        <source>Certificate %1 %2.pdf</source>
        <translation>Certificate %1 %2.pdf</translation>
    </message>
    <message>
        <source>Save the certificate as PDF</source>
        <translation>Save the certificate as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The certificate could not be saved: %1</source>
        <translation>The certificate could not be saved: %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>Certificate %1 %2</source>
        <translation>Certificate %1 %2</translation>
    </message>
    <message>
        <source>Certificate print preview</source>
        <translation>Certificate print preview</translation>
    </message>
    <message>
        <source>Print the certificate</source>
        <translation>Print the certificate</translation>
    </message>
    <message>
        <source>The certificate could not be printed: %1</source>
        <translation>The certificate could not be printed: %1</translation>
    </message>
    <message>
        <source>Certificate printing</source>
        <translation>Certificate printing</translation>
    </message>
    <message>
        <source>Verify a certificate…</source>
        <translation>Verify a certificate…</translation>
    </message>
    <message>
        <source>Download PDF</source>
        <translation>Download PDF</translation>
    </message>
    <message>
        <source>Online printing</source>
        <translation>Online printing</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Public subjects</source>
        <translation>Public subjects</translation>
    </message>
    <message>
        <source>Professional subjects</source>
        <translation>Professional subjects</translation>
    </message>
    <message>
        <source>Elective subjects</source>
        <translation>Elective subjects</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>Awaiting confirmation</translation>
    </message>
    <message>
        <source>Annual certification</source>
        <translation>Annual certification</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Course or training</source>
        <translation>Course or training</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassDetails</name>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Enrolment deadline</source>
        <translation>Enrolment deadline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassDetailsDialog</name>
    <message>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Enrolled. The enrolment is sent to the institution at the next sync; it shows in My classes as awaiting confirmation.</source>
        <translation>Enrolled. The enrolment is sent to the institution at the next sync; it shows in My classes as awaiting confirmation.</translation>
    </message>
    <message>
        <source>Training class</source>
        <translation>Training class</translation>
    </message>
    <message>
        <source>This class is no longer offered.</source>
        <translation>This class is no longer offered.</translation>
    </message>
    <message>
        <source>Your enrolment was refused by the server: %1</source>
        <translation>Your enrolment was refused by the server: %1</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassEditDialog</name>
    <message>
        <source>New training class</source>
        <translation>New training class</translation>
    </message>
    <message>
        <source>Edit training class</source>
        <translation>Edit training class</translation>
    </message>
    <message>
        <source>Class name</source>
        <translation>Class name</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>Professional series</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Administrative region</source>
        <translation>Administrative region</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Enrolment deadline</source>
        <translation>Enrolment deadline</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Required for an in-person class.</source>
        <translation>Required for an in-person class.</translation>
    </message>
    <message>
        <source>For example 24 or 7.5.</source>
        <translation>For example 24 or 7.5.</translation>
    </message>
    <message>
        <source>Enter the class name (2 to 100 characters).</source>
        <translation>Enter the class name (2 to 100 characters).</translation>
    </message>
    <message>
        <source>A professional class needs its professional series.</source>
        <translation>A professional class needs its professional series.</translation>
    </message>
    <message>
        <source>Choose the region whose learners may enrol (a province or city covers the districts inside it).</source>
        <translation>Choose the region whose learners may enrol (a province or city covers the districts inside it).</translation>
    </message>
    <message>
        <source>Enter the venue of an in-person class.</source>
        <translation>Enter the venue of an in-person class.</translation>
    </message>
    <message>
        <source>The class cannot end before it starts.</source>
        <translation>The class cannot end before it starts.</translation>
    </message>
    <message>
        <source>Enter the hours, from 0.1 to 200, with at most one decimal place.</source>
        <translation>Enter the hours, from 0.1 to 200, with at most one decimal place.</translation>
    </message>
    <message>
        <source>At least one place.</source>
        <translation>At least one place.</translation>
    </message>
    <message>
        <source>At least %1: that many people are enrolled already.</source>
        <translation>At least %1: that many people are enrolled already.</translation>
    </message>
    <message>
        <source>The enrolment deadline cannot be after the class ends.</source>
        <translation>The enrolment deadline cannot be after the class ends.</translation>
    </message>
    <message>
        <source>At most 2000 characters (now %1).</source>
        <translation>At most 2000 characters (now %1).</translation>
    </message>
    <message>
        <source>A class can be held only within your institution&apos;s administrative region (%1).</source>
        <translation>A class can be held only within your institution&apos;s administrative region (%1).</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassEnrolmentPage</name>
    <message>
        <source>Training class enrolment is available once your employer has confirmed you (Personal information).</source>
        <translation>Training class enrolment is available once your employer has confirmed you (Personal information).</translation>
    </message>
    <message>
        <source>View / enrol</source>
        <translation>View / enrol</translation>
    </message>
    <message>
        <source>This computer keeps no data for this server.</source>
        <translation>This computer keeps no data for this server.</translation>
    </message>
    <message>
        <source>No classes are listed: training class enrolment is available once your employer has confirmed you (Personal information).</source>
        <translation>No classes are listed: training class enrolment is available once your employer has confirmed you (Personal information).</translation>
    </message>
    <message>
        <source>Classes open to staff of %1, in %2.</source>
        <translation>Classes open to staff of %1, in %2.</translation>
    </message>
    <message>
        <source>There are no training classes run by training institutions in the region of your employer (%1).</source>
        <translation>There are no training classes run by training institutions in the region of your employer (%1).</translation>
    </message>
    <message>
        <source>Your enrolment in %1 was refused: %2</source>
        <translation>Your enrolment in %1 was refused: %2</translation>
    </message>
    <message>
        <source>a class</source>
        <translation>a class</translation>
    </message>
    <message>
        <source>Class enrolment</source>
        <translation>Class enrolment</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassText</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Accepting enrolment</source>
        <translation>Accepting enrolment</translation>
    </message>
    <message>
        <source>Enrolment stopped</source>
        <translation>Enrolment stopped</translation>
    </message>
    <message>
        <source>Enrolled, awaiting confirmation</source>
        <translation>Enrolled, awaiting confirmation</translation>
    </message>
    <message>
        <source>Enrolment successful</source>
        <translation>Enrolment successful</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Hours obtained</source>
        <translation>Hours obtained</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Elective</source>
        <translation>Elective</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>You have already enrolled in this class.</source>
        <translation>You have already enrolled in this class.</translation>
    </message>
    <message>
        <source>The institution has stopped enrolment for this class.</source>
        <translation>The institution has stopped enrolment for this class.</translation>
    </message>
    <message>
        <source>The enrolment deadline (%1) has passed.</source>
        <translation>The enrolment deadline (%1) has passed.</translation>
    </message>
    <message>
        <source>The class is full (%1 places).</source>
        <translation>The class is full (%1 places).</translation>
    </message>
    <message>
        <source>%1: the reason is longer than 200 characters.</source>
        <translation>%1: the reason is longer than 200 characters.</translation>
    </message>
    <message>
        <source>%1 is marked absent: please give the reason.</source>
        <translation>%1 is marked absent: please give the reason.</translation>
    </message>
    <message>
        <source>%1: the hours must be between 0 and the class&apos;s %2 hours.</source>
        <translation>%1: the hours must be between 0 and the class&apos;s %2 hours.</translation>
    </message>
    <message>
        <source>%1 gets fewer hours than the class&apos;s %2: please give the reason.</source>
        <translation>%1 gets fewer hours than the class&apos;s %2: please give the reason.</translation>
    </message>
    <message>
        <source>It was changed elsewhere in the meantime; see Sync problems.</source>
        <translation>It was changed elsewhere in the meantime; see Sync problems.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>The server&apos;s answer could not be read.</translation>
    </message>
</context>
<context>
    <name>xueshi::ClassesPage</name>
    <message>
        <source>Your institution must be approved by the administrator before it can publish classes.</source>
        <translation>Your institution must be approved by the administrator before it can publish classes.</translation>
    </message>
    <message>
        <source>No training classes yet. Click New to prepare one.</source>
        <translation>No training classes yet. Click New to prepare one.</translation>
    </message>
    <message>
        <source>Select a class to see its details.</source>
        <translation>Select a class to see its details.</translation>
    </message>
    <message>
        <source>The server refused the last change: %1</source>
        <translation>The server refused the last change: %1</translation>
    </message>
    <message>
        <source>Saved; sent at the next sync.</source>
        <translation>Saved; sent at the next sync.</translation>
    </message>
    <message>
        <source>Enrolment opened: learners of the class&apos;s region see it after the next sync.</source>
        <translation>Enrolment opened: learners of the class&apos;s region see it after the next sync.</translation>
    </message>
    <message>
        <source>Enrolment stopped; sent at the next sync.</source>
        <translation>Enrolment stopped; sent at the next sync.</translation>
    </message>
    <message>
        <source>Training classes</source>
        <translation>Training classes</translation>
    </message>
    <message>
        <source>Your institution has not been approved by the administrator yet. You can prepare classes as drafts, but you can open enrolment only after the approval.</source>
        <translation>Your institution has not been approved by the administrator yet. You can prepare classes as drafts, but you can open enrolment only after the approval.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Accept enrolment</source>
        <translation>Accept enrolment</translation>
    </message>
    <message>
        <source>Stop enrolment</source>
        <translation>Stop enrolment</translation>
    </message>
</context>
<context>
    <name>xueshi::ClientController</name>
    <message>
        <source>You have logged out.</source>
        <translation>You have logged out.</translation>
    </message>
    <message>
        <source>Your session has ended. Please log in again.</source>
        <translation>Your session has ended. Please log in again.</translation>
    </message>
</context>
<context>
    <name>xueshi::ClientCore</name>
    <message>
        <source>This account&apos;s data on this computer is in use by another Xueshi program (process %1). Close it, then try again.</source>
        <translation>This account&apos;s data on this computer is in use by another Xueshi program (process %1). Close it, then try again.</translation>
    </message>
    <message>
        <source>The lock file of this account&apos;s data cannot be made: %1</source>
        <translation>The lock file of this account&apos;s data cannot be made: %1</translation>
    </message>
</context>
<context>
    <name>xueshi::ComplianceReportModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>Professional title</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Elective</source>
        <translation>Elective</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
</context>
<context>
    <name>xueshi::ComplianceReportPage</name>
    <message>
        <source>The report appears once this computer has synchronised with the server.</source>
        <translation>The report appears once this computer has synchronised with the server.</translation>
    </message>
    <message>
        <source>Reading the report of %1…</source>
        <translation>Reading the report of %1…</translation>
    </message>
    <message>
        <source>The report could not be read: %1</source>
        <translation>The report could not be read: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: &lt;b&gt;%2&lt;/b&gt; staff, &lt;span style=&quot;color:#1b7f3b&quot;&gt;&lt;b&gt;%3&lt;/b&gt; passed&lt;/span&gt;, &lt;span style=&quot;color:#b42b1f&quot;&gt;&lt;b&gt;%4&lt;/b&gt; not passed&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: &lt;b&gt;%2&lt;/b&gt; staff, &lt;span style=&quot;color:#1b7f3b&quot;&gt;&lt;b&gt;%3&lt;/b&gt; passed&lt;/span&gt;, &lt;span style=&quot;color:#b42b1f&quot;&gt;&lt;b&gt;%4&lt;/b&gt; not passed&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Required: %1 hours in total, at least %2 public, %3 professional and %4 elective hours (%5).</source>
        <translation>Required: %1 hours in total, at least %2 public, %3 professional and %4 elective hours (%5).</translation>
    </message>
    <message>
        <source>national policy</source>
        <translation>national policy</translation>
    </message>
    <message>
        <source>policy of region %1</source>
        <translation>policy of region %1</translation>
    </message>
    <message>
        <source>Hours above one type&apos;s minimum make up another type&apos;s shortfall.</source>
        <translation>Hours above one type&apos;s minimum make up another type&apos;s shortfall.</translation>
    </message>
    <message numerus="yes">
        <source>%n staff member(s) shown</source>
        <translation>
            <numerusform>%n staff member shown</numerusform>
            <numerusform>%n staff members shown</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>%n row exported to %1.</numerusform>
            <numerusform>%n rows exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>compliance-report-%1.csv</source>
        <translation>compliance-report-%1.csv</translation>
    </message>
    <message>
        <source>Continuing education report %1</source>
        <translation>Continuing education report %1</translation>
    </message>
    <message>
        <source>%1 staff, %2 passed, %3 not passed</source>
        <translation>%1 staff, %2 passed, %3 not passed</translation>
    </message>
    <message>
        <source>only those not passing</source>
        <translation>only those not passing</translation>
    </message>
    <message>
        <source>names containing “%1”</source>
        <translation>names containing “%1”</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Shown: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Printed on %1</source>
        <translation>Printed on %1</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>Compliance report</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>Only those not passing</source>
        <translation>Only those not passing</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Filter by name</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Staff meeting each minimum</source>
        <translation>Staff meeting each minimum</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Total hours</source>
        <translation>Total hours</translation>
    </message>
    <message>
        <source>Elective subjects</source>
        <translation>Elective subjects</translation>
    </message>
    <message>
        <source>Professional subjects</source>
        <translation>Professional subjects</translation>
    </message>
    <message>
        <source>Public subjects</source>
        <translation>Public subjects</translation>
    </message>
</context>
<context>
    <name>xueshi::ComplianceText</name>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>Professional title</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Public subjects (hours)</source>
        <translation>Public subjects (hours)</translation>
    </message>
    <message>
        <source>Professional subjects (hours)</source>
        <translation>Professional subjects (hours)</translation>
    </message>
    <message>
        <source>Elective subjects (hours)</source>
        <translation>Elective subjects (hours)</translation>
    </message>
    <message>
        <source>Total (hours)</source>
        <translation>Total (hours)</translation>
    </message>
    <message>
        <source>Pending (hours)</source>
        <translation>Pending (hours)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
</context>
<context>
    <name>xueshi::ContentCache</name>
    <message>
        <source>The download was cancelled.</source>
        <translation>The download was cancelled.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid content identifier.</source>
        <translation>&quot;%1&quot; is not a valid content identifier.</translation>
    </message>
    <message>
        <source>The download cannot be saved: the folder %1 cannot be created.</source>
        <translation>The download cannot be saved: the folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The download cannot be saved: %1</source>
        <translation>The download cannot be saved: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answers to the download do not fit together. Please try again later.</source>
        <translation>The server&apos;s answers to the download do not fit together. Please try again later.</translation>
    </message>
    <message>
        <source>The download stopped: the certificate of the server %1 is not trusted.</source>
        <translation>The download stopped: the certificate of the server %1 is not trusted.</translation>
    </message>
    <message>
        <source>The download was interrupted (%1). It will resume where it stopped.</source>
        <translation>The download was interrupted (%1). It will resume where it stopped.</translation>
    </message>
    <message>
        <source>The server refused the download (HTTP %1).</source>
        <translation>The server refused the download (HTTP %1).</translation>
    </message>
    <message>
        <source>The server refused the download (HTTP %1): %2</source>
        <translation>The server refused the download (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The downloaded file is damaged (its checksum does not match) and was deleted. Please try again.</source>
        <translation>The downloaded file is damaged (its checksum does not match) and was deleted. Please try again.</translation>
    </message>
    <message>
        <source>The download cannot be saved: %1 cannot be created.</source>
        <translation>The download cannot be saved: %1 cannot be created.</translation>
    </message>
</context>
<context>
    <name>xueshi::CountdownButton</name>
    <message>
        <source>Resend (%1 s)</source>
        <translation>Resend (%1 s)</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>Resend code</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Send code</translation>
    </message>
</context>
<context>
    <name>xueshi::CourseDownload</name>
    <message>
        <source>The content cache is not available.</source>
        <translation>The content cache is not available.</translation>
    </message>
</context>
<context>
    <name>xueshi::CoursePlatformPage</name>
    <message>
        <source>Download cancelled; what arrived is kept and the next download continues from there.</source>
        <translation>Download cancelled; what arrived is kept and the next download continues from there.</translation>
    </message>
    <message>
        <source>The download stopped: %1</source>
        <translation>The download stopped: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n course</numerusform>
            <numerusform>%n courses</numerusform>
        </translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>No public courses are on offer yet. They appear here after a sync once the administrator has published them.</source>
        <translation>No public courses are on offer yet. They appear here after a sync once the administrator has published them.</translation>
    </message>
    <message>
        <source>Public courses need the data kept on this computer.</source>
        <translation>Public courses need the data kept on this computer.</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <source>Studying (%1 of %2 lessons complete)</source>
        <translation>Studying (%1 of %2 lessons complete)</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 hours</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s)</source>
        <translation>
            <numerusform>%n lesson</numerusform>
            <numerusform>%n lessons</numerusform>
        </translation>
    </message>
    <message>
        <source>Select course</source>
        <translation>Select course</translation>
    </message>
    <message>
        <source>This course is no longer offered.</source>
        <translation>This course is no longer offered.</translation>
    </message>
    <message numerus="yes">
        <source>%1 hours (public subject) · %n lesson(s), at least %2 minutes of study in all</source>
        <translation>
            <numerusform>%1 hours (public subject) · %n lesson, at least %2 minutes of study in all</numerusform>
            <numerusform>%1 hours (public subject) · %n lessons, at least %2 minutes of study in all</numerusform>
        </translation>
    </message>
    <message>
        <source>Course exam: %1 questions drawn from the question bank, pass mark %2 points of 100, %3 attempt(s), %4 minutes per attempt. It opens when every lesson is complete.</source>
        <translation>Course exam: %1 questions drawn from the question bank, pass mark %2 points of 100, %3 attempt(s), %4 minutes per attempt. It opens when every lesson is complete.</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message numerus="yes">
        <source>at least %n minute(s)</source>
        <translation>
            <numerusform>at least %n minute</numerusform>
            <numerusform>at least %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Declaration year: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Declaration year: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Declaration year: &lt;b&gt;%1&lt;/b&gt; (not chosen yet: starting the study selects the course for this year)</source>
        <translation>Declaration year: &lt;b&gt;%1&lt;/b&gt; (not chosen yet: starting the study selects the course for this year)</translation>
    </message>
    <message>
        <source>This course cannot count toward any year now.</source>
        <translation>This course cannot count toward any year now.</translation>
    </message>
    <message>
        <source>The hours of this course have been credited: the year can no longer change.</source>
        <translation>The hours of this course have been credited: the year can no longer change.</translation>
    </message>
    <message>
        <source>Your employer must confirm you before you study.</source>
        <translation>Your employer must confirm you before you study.</translation>
    </message>
    <message>
        <source>The hours of this course count toward %1. Click &quot;Start studying&quot; to open the catalogue.</source>
        <translation>The hours of this course count toward %1. Click &quot;Start studying&quot; to open the catalogue.</translation>
    </message>
    <message>
        <source>%1 of %2 lessons complete · declaration year %3</source>
        <translation>%1 of %2 lessons complete · declaration year %3</translation>
    </message>
    <message>
        <source>%1 / %2 min</source>
        <translation>%1 / %2 min</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Study</translation>
    </message>
    <message>
        <source>&lt;b&gt;Awaiting grading&lt;/b&gt;: your answers are graded by the server at the next sync.</source>
        <translation>&lt;b&gt;Awaiting grading&lt;/b&gt;: your answers are graded by the server at the next sync.</translation>
    </message>
    <message>
        <source>Exam &lt;b&gt;passed&lt;/b&gt; with %1 points.</source>
        <translation>Exam &lt;b&gt;passed&lt;/b&gt; with %1 points.</translation>
    </message>
    <message>
        <source>Exam &lt;b&gt;not passed&lt;/b&gt;: %1 points (pass mark %2).</source>
        <translation>Exam &lt;b&gt;not passed&lt;/b&gt;: %1 points (pass mark %2).</translation>
    </message>
    <message>
        <source>It was handed in after the time limit.</source>
        <translation>It was handed in after the time limit.</translation>
    </message>
    <message>
        <source>%1 hours credited to %2; they are listed in the hour records.</source>
        <translation>%1 hours credited to %2; they are listed in the hour records.</translation>
    </message>
    <message>
        <source>No attempts left.</source>
        <translation>No attempts left.</translation>
    </message>
    <message>
        <source>Attempts left: %1 of %2.</source>
        <translation>Attempts left: %1 of %2.</translation>
    </message>
    <message>
        <source>Select the course first.</source>
        <translation>Select the course first.</translation>
    </message>
    <message>
        <source>You have passed this course.</source>
        <translation>You have passed this course.</translation>
    </message>
    <message>
        <source>The exam opens when every lesson is complete (%1 of %2 so far).</source>
        <translation>The exam opens when every lesson is complete (%1 of %2 so far).</translation>
    </message>
    <message>
        <source>The exam questions arrive with the next sync.</source>
        <translation>The exam questions arrive with the next sync.</translation>
    </message>
    <message>
        <source>No exam attempt is open.</source>
        <translation>No exam attempt is open.</translation>
    </message>
    <message>
        <source>Retake the exam</source>
        <translation>Retake the exam</translation>
    </message>
    <message>
        <source>Course exam</source>
        <translation>Course exam</translation>
    </message>
    <message>
        <source>Downloading the course&apos;s files…</source>
        <translation>Downloading the course&apos;s files…</translation>
    </message>
    <message numerus="yes">
        <source>This course is available offline: all %n file(s) (%1) are on this computer.</source>
        <translation>
            <numerusform>This course is available offline: all %n file (%1) are on this computer.</numerusform>
            <numerusform>This course is available offline: all %n files (%1) are on this computer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Download every lesson (%1) to study without a network connection.</source>
        <translation>Download every lesson (%1) to study without a network connection.</translation>
    </message>
    <message>
        <source>Public course platform</source>
        <translation>Public course platform</translation>
    </message>
    <message>
        <source>Your employer must confirm your identity before you can study public courses: fill in your personal information and submit it to your employer. You can look at the courses meanwhile.</source>
        <translation>Your employer must confirm your identity before you can study public courses: fill in your personal information and submit it to your employer. You can look at the courses meanwhile.</translation>
    </message>
    <message>
        <source>The public courses on offer, by year. Click &quot;View&quot; to see the courses you can select.</source>
        <translation>The public courses on offer, by year. Click &quot;View&quot; to see the courses you can select.</translation>
    </message>
    <message>
        <source>Public courses</source>
        <translation>Public courses</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Courses</translation>
    </message>
    <message>
        <source>← All public courses</source>
        <translation>← All public courses</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>← Course list</source>
        <translation>← Course list</translation>
    </message>
    <message>
        <source>Change declaration year</source>
        <translation>Change declaration year</translation>
    </message>
    <message>
        <source>Start studying</source>
        <translation>Start studying</translation>
    </message>
    <message>
        <source>← Course introduction</source>
        <translation>← Course introduction</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>Studied / required</source>
        <translation>Studied / required</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Download for offline study</source>
        <translation>Download for offline study</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your answers were refused by the server&lt;/b&gt;: %1 Send them again or discard them under Sync problems.</source>
        <translation>&lt;b&gt;Your answers were refused by the server&lt;/b&gt;: %1 Send them again or discard them under Sync problems.</translation>
    </message>
</context>
<context>
    <name>xueshi::CourseText</name>
    <message>
        <source>Public subject</source>
        <translation>Public subject</translation>
    </message>
    <message>
        <source>Professional subject</source>
        <translation>Professional subject</translation>
    </message>
    <message>
        <source>Elective subject</source>
        <translation>Elective subject</translation>
    </message>
    <message>
        <source>Public course</source>
        <translation>Public course</translation>
    </message>
    <message>
        <source>Training class</source>
        <translation>Training class</translation>
    </message>
    <message>
        <source>Self-declared</source>
        <translation>Self-declared</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>Awaiting confirmation</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <source>Public courses of %1</source>
        <translation>Public courses of %1</translation>
    </message>
</context>
<context>
    <name>xueshi::DeclarationDialog</name>
    <message>
        <source>Add an hour record</source>
        <translation>Add an hour record</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>Training content</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Training days</source>
        <translation>Training days</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>Professional series</translation>
    </message>
    <message>
        <source>Proof of the training (PDF, JPEG or PNG, at most 10 MB each, at most 5 files):</source>
        <translation>Proof of the training (PDF, JPEG or PNG, at most 10 MB each, at most 5 files):</translation>
    </message>
    <message>
        <source>Remove the attachment</source>
        <translation>Remove the attachment</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Upload attachments</source>
        <translation>Upload attachments</translation>
    </message>
    <message>
        <source>The attachment was removed.</source>
        <translation>The attachment was removed.</translation>
    </message>
    <message>
        <source>The attachment could not be removed: %1</source>
        <translation>The attachment could not be removed: %1</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>Edit an hour record</source>
        <translation>Edit an hour record</translation>
    </message>
    <message numerus="yes">
        <source>At most %1 hours for %n training day(s).</source>
        <translation>
            <numerusform>At most %1 hours for %n training day.</numerusform>
            <numerusform>At most %1 hours for %n training days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Reason for returning it: %1</source>
        <translation>Reason for returning it: %1</translation>
    </message>
    <message>
        <source>%1 (sent)</source>
        <translation>%1 (sent)</translation>
    </message>
    <message>
        <source>%1 (not accepted: %2)</source>
        <translation>%1 (not accepted: %2)</translation>
    </message>
    <message>
        <source>%1 (waiting to be sent)</source>
        <translation>%1 (waiting to be sent)</translation>
    </message>
    <message>
        <source>The record cannot be saved: the local cache is not available.</source>
        <translation>The record cannot be saved: the local cache is not available.</translation>
    </message>
    <message>
        <source>Correct the fields marked above, then save again.</source>
        <translation>Correct the fields marked above, then save again.</translation>
    </message>
    <message>
        <source>The record could not be saved: %1</source>
        <translation>The record could not be saved: %1</translation>
    </message>
    <message>
        <source>Saved. It is sent to the server with the next sync; attach the proof with &quot;Upload attachments&quot;.</source>
        <translation>Saved. It is sent to the server with the next sync; attach the proof with &quot;Upload attachments&quot;.</translation>
    </message>
    <message>
        <source>Attachments cannot be stored: the local cache is not available.</source>
        <translation>Attachments cannot be stored: the local cache is not available.</translation>
    </message>
    <message>
        <source>Choose proof of the training</source>
        <translation>Choose proof of the training</translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG files (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>PDF, JPEG or PNG files (*.pdf *.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached. They are sent with the next sync.</source>
        <translation>
            <numerusform>%n file attached. They are sent with the next sync.</numerusform>
            <numerusform>%n files attached. They are sent with the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::DeclarationYearDialog</name>
    <message>
        <source>Change the declaration year</source>
        <translation>Change the declaration year</translation>
    </message>
    <message>
        <source>Choose the year whose hours this course counts toward, for example the year of your title application.</source>
        <translation>Choose the year whose hours this course counts toward, for example the year of your title application.</translation>
    </message>
    <message>
        <source>Declaration year:</source>
        <translation>Declaration year:</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Count the hours of &quot;%1&quot; toward %2?</source>
        <translation>Count the hours of &quot;%1&quot; toward %2?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>xueshi::EmployerPicker</name>
    <message>
        <source>Copied. Send it to your employer.</source>
        <translation>Copied. Send it to your employer.</translation>
    </message>
    <message>
        <source>Please register our organisation in the continuing education system Xueshi as an employer (法人单位): choose &quot;Register&quot; on the login window, then &quot;Employer&quot;, and enter the organisation&apos;s name, unified social credit code and region. After that, I can find the organisation and ask it to confirm my identity.</source>
        <translation>Please register our organisation in the continuing education system Xueshi as an employer (法人单位): choose &quot;Register&quot; on the login window, then &quot;Employer&quot;, and enter the organisation&apos;s name, unified social credit code and region. After that, I can find the organisation and ask it to confirm my identity.</translation>
    </message>
    <message>
        <source>If you cannot find your employer (work unit), please ask it to register in the continuing education system first.</source>
        <translation>If you cannot find your employer (work unit), please ask it to register in the continuing education system first.</translation>
    </message>
    <message>
        <source>Part of the employer&apos;s name, or its unified social credit code</source>
        <translation>Part of the employer&apos;s name, or its unified social credit code</translation>
    </message>
    <message>
        <source>Copy instructions for the employer</source>
        <translation>Copy instructions for the employer</translation>
    </message>
</context>
<context>
    <name>xueshi::EmployerWindow</name>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Hours review</source>
        <translation>Hours review</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>Compliance report</translation>
    </message>
</context>
<context>
    <name>xueshi::EnrolmentTableModel</name>
    <message>
        <source>%1 (refused by the server)</source>
        <translation>%1 (refused by the server)</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (not sent yet)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>xueshi::EnrolmentsPage</name>
    <message>
        <source>Confirm %1</source>
        <translation>Confirm %1</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Return %1…</source>
        <translation>Return %1…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>No training classes yet: create one in Training classes.</source>
        <translation>No training classes yet: create one in Training classes.</translation>
    </message>
    <message numerus="yes">
        <source>%n enrolment(s) shown, %1 awaiting confirmation in this class.</source>
        <translation>
            <numerusform>%n enrolment shown, %1 awaiting confirmation in this class.</numerusform>
            <numerusform>%n enrolments shown, %1 awaiting confirmation in this class.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enrolment(s) confirmed; sent at the next sync.</source>
        <translation>
            <numerusform>%n enrolment confirmed; sent at the next sync.</numerusform>
            <numerusform>%n enrolments confirmed; sent at the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return enrolments</source>
        <translation>Return enrolments</translation>
    </message>
    <message numerus="yes">
        <source>Why are the %n enrolment(s) returned? The learners see this reason.</source>
        <translation>
            <numerusform>Why are the %n enrolment returned? The learners see this reason.</numerusform>
            <numerusform>Why are the %n enrolments returned? The learners see this reason.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>%n enrolment(s) returned; sent at the next sync.</source>
        <translation>
            <numerusform>%n enrolment returned; sent at the next sync.</numerusform>
            <numerusform>%n enrolments returned; sent at the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the roster</source>
        <translation>Export the roster</translation>
    </message>
    <message>
        <source>Roster %1.csv</source>
        <translation>Roster %1.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>Enrolled on</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>The roster could not be written to %1: %2</source>
        <translation>The roster could not be written to %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) exported to %1.</source>
        <translation>
            <numerusform>%n person exported to %1.</numerusform>
            <numerusform>%n persons exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>Enrolments</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Name, resident ID or employer contains…</source>
        <translation>Name, resident ID or employer contains…</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>Export roster</translation>
    </message>
</context>
<context>
    <name>xueshi::ExamDialog</name>
    <message>
        <source>True</source>
        <translation>True</translation>
    </message>
    <message>
        <source>False</source>
        <translation>False</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>True or false</translation>
    </message>
    <message>
        <source>Question %1 ✓</source>
        <translation>Question %1 ✓</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Question %1</translation>
    </message>
    <message>
        <source>Answered %1 of %2</source>
        <translation>Answered %1 of %2</translation>
    </message>
    <message>
        <source>Time left: %1:%2</source>
        <translation>Time left: %1:%2</translation>
    </message>
    <message>
        <source>Submit the exam</source>
        <translation>Submit the exam</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered yet: they count as wrong. Submit anyway?</source>
        <translation>
            <numerusform>%n question not answered yet: they count as wrong. Submit anyway?</numerusform>
            <numerusform>%n questions not answered yet: they count as wrong. Submit anyway?</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit your answers? They cannot be changed afterwards.</source>
        <translation>Submit your answers? They cannot be changed afterwards.</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Continue the exam</source>
        <translation>Continue the exam</translation>
    </message>
    <message>
        <source>You are not logged in: the answers cannot be kept.</source>
        <translation>You are not logged in: the answers cannot be kept.</translation>
    </message>
    <message>
        <source>Course exam</source>
        <translation>Course exam</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>xueshi::HourRecordTableModel</name>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Course or training</source>
        <translation>Course or training</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
</context>
<context>
    <name>xueshi::HourRecordsPage</name>
    <message>
        <source>No hours yet. Hours appear here when you pass a public course exam, when a training institution confirms your hours, or when your employer confirms hours you declared.</source>
        <translation>No hours yet. Hours appear here when you pass a public course exam, when a training institution confirms your hours, or when your employer confirms hours you declared.</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Hour records</source>
        <translation>Hour records</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Subject type:</source>
        <translation>Subject type:</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Totals per year (confirmed hours)</source>
        <translation>Totals per year (confirmed hours)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>Awaiting confirmation</translation>
    </message>
    <message>
        <source>Attachments are not sent yet: %1</source>
        <translation>Attachments are not sent yet: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (+%2 waiting to be sent)</source>
        <translation>%1 (+%2 waiting to be sent)</translation>
    </message>
    <message>
        <source>Attach proof of the training (&quot;Upload attachments&quot; in the record) before submitting it.</source>
        <translation>Attach proof of the training (&quot;Upload attachments&quot; in the record) before submitting it.</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Delete the record</translation>
    </message>
    <message>
        <source>Delete this record and its attachments?</source>
        <translation>Delete this record and its attachments?</translation>
    </message>
    <message>
        <source>Submitted to your employer for review. It is sent with the next sync, after its attachments.</source>
        <translation>Submitted to your employer for review. It is sent with the next sync, after its attachments.</translation>
    </message>
    <message>
        <source>Withdrawn: the record is a draft again.</source>
        <translation>Withdrawn: the record is a draft again.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Deleted.</translation>
    </message>
    <message>
        <source>My declared hours</source>
        <translation>My declared hours</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>Training content</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Add an hour record</source>
        <translation>Add an hour record</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>xueshi::HoursChart</name>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Elective</source>
        <translation>Elective</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Confirmed, minimum met</source>
        <translation>Confirmed, minimum met</translation>
    </message>
    <message>
        <source>Confirmed, short</source>
        <translation>Confirmed, short</translation>
    </message>
    <message>
        <source>Pending confirmation</source>
        <translation>Pending confirmation</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
</context>
<context>
    <name>xueshi::HoursConfirmationPage</name>
    <message>
        <source>No training classes yet: create one in Training classes.</source>
        <translation>No training classes yet: create one in Training classes.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 hours · %n person(s) awaiting hours.</source>
        <translation>
            <numerusform>%1 · %2 · %3 hours · %n person awaiting hours.</numerusform>
            <numerusform>%1 · %2 · %3 hours · %n persons awaiting hours.</numerusform>
        </translation>
    </message>
    <message>
        <source>A confirmation of hours was refused by the server: %1</source>
        <translation>A confirmation of hours was refused by the server: %1</translation>
    </message>
    <message>
        <source>Select the people whose hours to confirm.</source>
        <translation>Select the people whose hours to confirm.</translation>
    </message>
    <message>
        <source>Nobody in this class awaits the confirmation of hours.</source>
        <translation>Nobody in this class awaits the confirmation of hours.</translation>
    </message>
    <message numerus="yes">
        <source>And %n more.</source>
        <translation>
            <numerusform>And %n more.</numerusform>
            <numerusform>And %n more.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was confirmed. %1</source>
        <translation>Nothing was confirmed. %1</translation>
    </message>
    <message numerus="yes">
        <source>The hours of %n person(s) are confirmed on this computer and sent at the next sync; the server&apos;s answer for each person is shown below.</source>
        <translation>
            <numerusform>The hours of %n person are confirmed on this computer and sent at the next sync; the server&apos;s answer for each person is shown below.</numerusform>
            <numerusform>The hours of %n persons are confirmed on this computer and sent at the next sync; the server&apos;s answer for each person is shown below.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import an attendance sheet</source>
        <translation>Import an attendance sheet</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>%1 is too large for an attendance sheet.</source>
        <translation>%1 is too large for an attendance sheet.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 could not be read: %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the last confirmation (%1): %2 applied, %3 skipped as already decided, %4 refused.</source>
        <translation>The server&apos;s answer to the last confirmation (%1): %2 applied, %3 skipped as already decided, %4 refused.</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Skipped (already decided)</source>
        <translation>Skipped (already decided)</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Hours confirmation</source>
        <translation>Hours confirmation</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <source>Confirm selected</source>
        <translation>Confirm selected</translation>
    </message>
    <message>
        <source>Confirm all</source>
        <translation>Confirm all</translation>
    </message>
    <message>
        <source>Import attendance sheet…</source>
        <translation>Import attendance sheet…</translation>
    </message>
    <message>
        <source>Result of the last confirmation</source>
        <translation>Result of the last confirmation</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>The class ends on %1: its hours can be confirmed from then on.</source>
        <translation>The class ends on %1: its hours can be confirmed from then on.</translation>
    </message>
</context>
<context>
    <name>xueshi::HoursTableModel</name>
    <message>
        <source>Awaiting hours</source>
        <translation>Awaiting hours</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (not sent yet)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>xueshi::InstitutionWindow</name>
    <message>
        <source>Training classes</source>
        <translation>Training classes</translation>
    </message>
    <message>
        <source>Enrolments</source>
        <translation>Enrolments</translation>
    </message>
    <message>
        <source>Hours confirmation</source>
        <translation>Hours confirmation</translation>
    </message>
</context>
<context>
    <name>xueshi::LearnerProfilePage</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Your employer has confirmed your identity, so your real name and resident ID can no longer be changed here. To correct them, ask your employer.</source>
        <translation>Your employer has confirmed your identity, so your real name and resident ID can no longer be changed here. To correct them, ask your employer.</translation>
    </message>
    <message>
        <source>Saved on this computer; it is sent at the next sync.</source>
        <translation>Saved on this computer; it is sent at the next sync.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Waiting for the employer to confirm&lt;/b&gt;: your request to %1 was submitted on %2.</source>
        <translation>&lt;b&gt;Waiting for the employer to confirm&lt;/b&gt;: your request to %1 was submitted on %2.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Returned&lt;/b&gt; by %1: %2&lt;br&gt;Correct your details (or choose another employer) and submit again.</source>
        <translation>&lt;b&gt;Returned&lt;/b&gt; by %1: %2&lt;br&gt;Correct your details (or choose another employer) and submit again.</translation>
    </message>
    <message>
        <source>Your request to %1 was withdrawn. Choose your employer and submit again.</source>
        <translation>Your request to %1 was withdrawn. Choose your employer and submit again.</translation>
    </message>
    <message>
        <source>Not sent yet: it is sent to the server at the next sync.</source>
        <translation>Not sent yet: it is sent to the server at the next sync.</translation>
    </message>
    <message>
        <source>You have not asked an employer to confirm you yet. Fill in your details, choose your employer and click Submit.</source>
        <translation>You have not asked an employer to confirm you yet. Fill in your details, choose your employer and click Submit.</translation>
    </message>
    <message>
        <source>Chosen employer: %1 (%2)</source>
        <translation>Chosen employer: %1 (%2)</translation>
    </message>
    <message>
        <source>Please choose.</source>
        <translation>Please choose.</translation>
    </message>
    <message>
        <source>Your details cannot be saved: this computer keeps no data for this server.</source>
        <translation>Your details cannot be saved: this computer keeps no data for this server.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Please correct the marked fields.</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <source>Please choose your employer.</source>
        <translation>Please choose your employer.</translation>
    </message>
    <message>
        <source>This employer has already confirmed you.</source>
        <translation>This employer has already confirmed you.</translation>
    </message>
    <message>
        <source>Submitted to your employer for confirmation; it is sent at the next sync.</source>
        <translation>Submitted to your employer for confirmation; it is sent at the next sync.</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>Personal information</translation>
    </message>
    <message>
        <source>Until your employer confirms your identity, public course study, training class enrolment and credit hour declaration are not available.</source>
        <translation>Until your employer confirms your identity, public course study, training class enrolment and credit hour declaration are not available.</translation>
    </message>
    <message>
        <source>Confirmation by your employer</source>
        <translation>Confirmation by your employer</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>Your details</source>
        <translation>Your details</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Real name</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>Professional title</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>Professional series</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Your employer (work unit)</source>
        <translation>Your employer (work unit)</translation>
    </message>
    <message>
        <source>Search for your employer by part of its name or by its unified social credit code; narrow the search by region if need be.</source>
        <translation>Search for your employer by part of its name or by its unified social credit code; narrow the search by region if need be.</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>History of your employers</source>
        <translation>History of your employers</translation>
    </message>
    <message>
        <source>&lt;b&gt;Confirmed&lt;/b&gt;: you are registered as staff of %1. Public courses, training classes and credit hour declaration are available to you.</source>
        <translation>&lt;b&gt;Confirmed&lt;/b&gt;: you are registered as staff of %1. Public courses, training classes and credit hour declaration are available to you.</translation>
    </message>
    <message>
        <source>To change your employer, choose the new one and submit: it receives a new request, and your current employer stays until the new one confirms you.</source>
        <translation>To change your employer, choose the new one and submit: it receives a new request, and your current employer stays until the new one confirms you.</translation>
    </message>
</context>
<context>
    <name>xueshi::LearnerWindow</name>
    <message>
        <source>Personal information</source>
        <translation>Personal information</translation>
    </message>
    <message>
        <source>Public course platform</source>
        <translation>Public course platform</translation>
    </message>
    <message>
        <source>Hour records</source>
        <translation>Hour records</translation>
    </message>
    <message>
        <source>Class enrolment</source>
        <translation>Class enrolment</translation>
    </message>
    <message>
        <source>My classes</source>
        <translation>My classes</translation>
    </message>
    <message>
        <source>Certificate printing</source>
        <translation>Certificate printing</translation>
    </message>
</context>
<context>
    <name>xueshi::LessonViewer</name>
    <message>
        <source>This lesson is not on this computer yet and could not be downloaded (%1).</source>
        <translation>This lesson is not on this computer yet and could not be downloaded (%1).</translation>
    </message>
    <message>
        <source>Connect to the network and open it again, or use &quot;Download for offline study&quot; while you are online.</source>
        <translation>Connect to the network and open it again, or use &quot;Download for offline study&quot; while you are online.</translation>
    </message>
    <message>
        <source>This lesson is no longer part of the course.</source>
        <translation>This lesson is no longer part of the course.</translation>
    </message>
    <message>
        <source>Downloading the lesson…</source>
        <translation>Downloading the lesson…</translation>
    </message>
    <message>
        <source>The lesson&apos;s file could not be read from this computer.</source>
        <translation>The lesson&apos;s file could not be read from this computer.</translation>
    </message>
    <message>
        <source>The lesson&apos;s PDF file could not be opened.</source>
        <translation>The lesson&apos;s PDF file could not be opened.</translation>
    </message>
    <message>
        <source>Studied %1 min / required %2 min</source>
        <translation>Studied %1 min / required %2 min</translation>
    </message>
    <message>
        <source>Lesson complete: you have studied it for the required time.</source>
        <translation>Lesson complete: you have studied it for the required time.</translation>
    </message>
    <message>
        <source>Your study time is recorded while this lesson is open.</source>
        <translation>Your study time is recorded while this lesson is open.</translation>
    </message>
    <message>
        <source>The server credited %1 of %2 seconds of study.</source>
        <translation>The server credited %1 of %2 seconds of study.</translation>
    </message>
</context>
<context>
    <name>xueshi::LoginWindow</name>
    <message>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Certificate trusted. Logging in…</source>
        <translation>Certificate trusted. Logging in…</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins: the account is locked for %n minute(s).</source>
        <translation>
            <numerusform>Too many failed logins: the account is locked for %n minute.</numerusform>
            <numerusform>Too many failed logins: the account is locked for %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Registration complete. Log in with your new account.</source>
        <translation>Registration complete. Log in with your new account.</translation>
    </message>
    <message>
        <source>Your username has been filled in. Enter your password to log in.</source>
        <translation>Your username has been filled in. Enter your password to log in.</translation>
    </message>
    <message>
        <source>Your password has been reset. Log in with the new password.</source>
        <translation>Your password has been reset. Log in with the new password.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Continuing education for professional technical personnel</source>
        <translation>Continuing education for professional technical personnel</translation>
    </message>
    <message>
        <source>For professionals, their employers and training institutions: study public courses, enrol in training classes, record and confirm credit hours.</source>
        <translation>For professionals, their employers and training institutions: study public courses, enrol in training classes, record and confirm credit hours.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>User login</source>
        <translation>User login</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Your username</source>
        <translation>Your username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Your password</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Recover username</source>
        <translation>Recover username</translation>
    </message>
    <message>
        <source>Recover password</source>
        <translation>Recover password</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Verify certificate</source>
        <translation>Verify certificate</translation>
    </message>
</context>
<context>
    <name>xueshi::MyClassesPage</name>
    <message>
        <source>Enrolment cancelled; sent at the next sync.</source>
        <translation>Enrolment cancelled; sent at the next sync.</translation>
    </message>
    <message>
        <source>My classes</source>
        <translation>My classes</translation>
    </message>
    <message>
        <source>You have not enrolled in a training class yet. Choose one in Class enrolment.</source>
        <translation>You have not enrolled in a training class yet. Choose one in Class enrolment.</translation>
    </message>
    <message>
        <source>Cancel enrolment</source>
        <translation>Cancel enrolment</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>xueshi::OfflineCredentials</name>
    <message>
        <source>Offline login is possible only after you have logged in online once on this computer.</source>
        <translation>Offline login is possible only after you have logged in online once on this computer.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords: offline login is locked for %n minute(s).</source>
        <translation>
            <numerusform>Too many wrong passwords: offline login is locked for %n minute.</numerusform>
            <numerusform>Too many wrong passwords: offline login is locked for %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong password. Too many wrong passwords: offline login is locked for %n minute(s).</source>
        <translation>
            <numerusform>Wrong password. Too many wrong passwords: offline login is locked for %n minute.</numerusform>
            <numerusform>Wrong password. Too many wrong passwords: offline login is locked for %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong password (checked offline against your last online login on this computer). %n try(s) left.</source>
        <translation>
            <numerusform>Wrong password (checked offline against your last online login on this computer). %n try left.</numerusform>
            <numerusform>Wrong password (checked offline against your last online login on this computer). %n tries left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::OrganisationTableModel</name>
    <message>
        <source>%1 (see Sync problems)</source>
        <translation>%1 (see Sync problems)</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (not sent yet)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>xueshi::OrganisationText</name>
    <message>
        <source>Awaiting approval</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Training institution</source>
        <translation>Training institution</translation>
    </message>
    <message>
        <source>Approve an organisation</source>
        <translation>Approve an organisation</translation>
    </message>
    <message>
        <source>Reject an organisation</source>
        <translation>Reject an organisation</translation>
    </message>
    <message>
        <source>Give the reason: the organisation sees it.</source>
        <translation>Give the reason: the organisation sees it.</translation>
    </message>
    <message>
        <source>The reason may have at most %1 characters (now %2).</source>
        <translation>The reason may have at most %1 characters (now %2).</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>Reason for rejecting</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Another administrator approved %1 first, so your decision was not applied.</source>
        <translation>Another administrator approved %1 first, so your decision was not applied.</translation>
    </message>
    <message>
        <source>Another administrator rejected %1 first (reason: %2), so your decision was not applied.</source>
        <translation>Another administrator rejected %1 first (reason: %2), so your decision was not applied.</translation>
    </message>
    <message>
        <source>%1 changed on the server after you saw it, so your decision was not applied. Check its details again before you decide.</source>
        <translation>%1 changed on the server after you saw it, so your decision was not applied. Check its details again before you decide.</translation>
    </message>
    <message>
        <source>%1 changed its details after you saw them (%2), so your decision was not applied. Compare the values below: &quot;Retry&quot; decides on the details as they are now.</source>
        <translation>%1 changed its details after you saw them (%2), so your decision was not applied. Compare the values below: &quot;Retry&quot; decides on the details as they are now.</translation>
    </message>
    <message>
        <source>Your decision met a change on the server; see Sync problems.</source>
        <translation>Your decision met a change on the server; see Sync problems.</translation>
    </message>
    <message>
        <source>The server refused your decision: %1</source>
        <translation>The server refused your decision: %1</translation>
    </message>
    <message>
        <source>Log in to review organisations.</source>
        <translation>Log in to review organisations.</translation>
    </message>
    <message>
        <source>Only an organisation awaiting approval can be approved.</source>
        <translation>Only an organisation awaiting approval can be approved.</translation>
    </message>
    <message>
        <source>Only an organisation awaiting approval can be rejected.</source>
        <translation>Only an organisation awaiting approval can be rejected.</translation>
    </message>
</context>
<context>
    <name>xueshi::OrganisationsPage</name>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (not sent yet)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>Reason for rejecting</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>No organisation matches the filter.</source>
        <translation>No organisation matches the filter.</translation>
    </message>
    <message>
        <source>Select an organisation to see its details.</source>
        <translation>Select an organisation to see its details.</translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s) selected, %1 of them awaiting approval.</source>
        <translation>
            <numerusform>%n organisation selected, %1 of them awaiting approval.</numerusform>
            <numerusform>%n organisations selected, %1 of them awaiting approval.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>Approve %1</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>%1 shown of %2 · %3 awaiting approval</source>
        <translation>%1 shown of %2 · %3 awaiting approval</translation>
    </message>
    <message numerus="yes">
        <source>%n approval(s) saved; sent at the next sync.</source>
        <translation>
            <numerusform>%n approval saved; sent at the next sync.</numerusform>
            <numerusform>%n approvals saved; sent at the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected; sent at the next sync.</source>
        <translation>Rejected; sent at the next sync.</translation>
    </message>
    <message>
        <source>Organisation review</source>
        <translation>Organisation review</translation>
    </message>
    <message>
        <source>Employers and training institutions register awaiting approval: an employer confirms staff, and an institution runs classes, only once approved. Check the details against the business registration before you decide; decisions made offline are sent at the next sync.</source>
        <translation>Employers and training institutions register awaiting approval: an employer confirms staff, and an institution runs classes, only once approved. Check the details against the business registration before you decide; decisions made offline are sent at the next sync.</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;State:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Search by name, credit code, username, region or contact person…</source>
        <translation>Search by name, credit code, username, region or contact person…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
</context>
<context>
    <name>xueshi::PasswordRecoveryDialog</name>
    <message>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>At least 8 characters, with letters and digits</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
    <message>
        <source>Enter the new password again.</source>
        <translation>Enter the new password again.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Sending the verification code…</source>
        <translation>Sending the verification code…</translation>
    </message>
    <message>
        <source>Resetting the password…</source>
        <translation>Resetting the password…</translation>
    </message>
    <message>
        <source>Your password has been reset, and you have been logged out everywhere. Log in with the new password.</source>
        <translation>Your password has been reset, and you have been logged out everywhere. Log in with the new password.</translation>
    </message>
    <message>
        <source>Recover password</source>
        <translation>Recover password</translation>
    </message>
    <message>
        <source>A verification code is sent to the mobile phone or e-mail registered with your account. Enter it with a new password.</source>
        <translation>A verification code is sent to the mobile phone or e-mail registered with your account. Enter it with a new password.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Confirm new password</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Back to login</source>
        <translation>Back to login</translation>
    </message>
    <message>
        <source>The username you log in with</source>
        <translation>The username you log in with</translation>
    </message>
    <message>
        <source>Enter the new password again</source>
        <translation>Enter the new password again</translation>
    </message>
</context>
<context>
    <name>xueshi::ProfileEditDialog</name>
    <message>
        <source>Change contact details</source>
        <translation>Change contact details</translation>
    </message>
    <message>
        <source>The change is saved on this computer at once and sent to the server with the next sync, also when you are offline now.</source>
        <translation>The change is saved on this computer at once and sent to the server with the next sync, also when you are offline now.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>11 digits, starting with 1</source>
        <translation>11 digits, starting with 1</translation>
    </message>
    <message>
        <source>A mobile or landline number</source>
        <translation>A mobile or landline number</translation>
    </message>
    <message>
        <source>Enter the contact person.</source>
        <translation>Enter the contact person.</translation>
    </message>
    <message>
        <source>Optional; leave empty to remove it</source>
        <translation>Optional; leave empty to remove it</translation>
    </message>
</context>
<context>
    <name>xueshi::RecoveryDialog</name>
    <message>
        <source>It is valid until %1.</source>
        <translation>It is valid until %1.</translation>
    </message>
    <message numerus="yes">
        <source>You can request a new code in %n second(s).</source>
        <translation>
            <numerusform>You can request a new code in %n second.</numerusform>
            <numerusform>You can request a new code in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n try(s) left.</source>
        <translation>
            <numerusform>%n try left.</numerusform>
            <numerusform>%n tries left.</numerusform>
        </translation>
    </message>
    <message>
        <source>Request a new code.</source>
        <translation>Request a new code.</translation>
    </message>
    <message>
        <source>Send the code by</source>
        <translation>Send the code by</translation>
    </message>
    <message>
        <source>SMS to the mobile phone</source>
        <translation>SMS to the mobile phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>If the details belong to an account with an e-mail address, a verification code has been sent to it.</source>
        <translation>If the details belong to an account with an e-mail address, a verification code has been sent to it.</translation>
    </message>
    <message>
        <source>If the details belong to an account with a mobile number, a verification code has been sent to it by SMS.</source>
        <translation>If the details belong to an account with a mobile number, a verification code has been sent to it by SMS.</translation>
    </message>
    <message>
        <source>If the details belong to an account, a verification code has been sent to its mobile number or e-mail address.</source>
        <translation>If the details belong to an account, a verification code has been sent to its mobile number or e-mail address.</translation>
    </message>
</context>
<context>
    <name>xueshi::RegionSelector</name>
    <message>
        <source>Select province</source>
        <translation>Select province</translation>
    </message>
    <message>
        <source>Select city</source>
        <translation>Select city</translation>
    </message>
    <message>
        <source>Select district</source>
        <translation>Select district</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>District / county</source>
        <translation>District / county</translation>
    </message>
</context>
<context>
    <name>xueshi::RegistrationDialog</name>
    <message>
        <source>4–32 letters, digits, _ . or -, starting with a letter</source>
        <translation>4–32 letters, digits, _ . or -, starting with a letter</translation>
    </message>
    <message>
        <source>At least 8 characters, with letters and digits</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
    <message>
        <source>Enter the password again.</source>
        <translation>Enter the password again.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <source>Enter the same password again</source>
        <translation>Enter the same password again</translation>
    </message>
    <message>
        <source>As on your resident identity card</source>
        <translation>As on your resident identity card</translation>
    </message>
    <message>
        <source>18 characters; the last may be X</source>
        <translation>18 characters; the last may be X</translation>
    </message>
    <message>
        <source>11 digits; verification codes are sent here</source>
        <translation>11 digits; verification codes are sent here</translation>
    </message>
    <message>
        <source>Optional; for verification codes and notices</source>
        <translation>Optional; for verification codes and notices</translation>
    </message>
    <message>
        <source>The full registered name</source>
        <translation>The full registered name</translation>
    </message>
    <message>
        <source>18 characters, as on the business licence</source>
        <translation>18 characters, as on the business licence</translation>
    </message>
    <message>
        <source>Choose the province, city and district.</source>
        <translation>Choose the province, city and district.</translation>
    </message>
    <message>
        <source>Learners see the training classes of their employer&apos;s region</source>
        <translation>Learners see the training classes of their employer&apos;s region</translation>
    </message>
    <message>
        <source>Where the organisation is registered</source>
        <translation>Where the organisation is registered</translation>
    </message>
    <message>
        <source>Who handles continuing education matters</source>
        <translation>Who handles continuing education matters</translation>
    </message>
    <message>
        <source>A mobile number or a landline such as 020-12345678</source>
        <translation>A mobile number or a landline such as 020-12345678</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Registering…</translation>
    </message>
    <message>
        <source>The server did not accept the registration: %1</source>
        <translation>The server did not accept the registration: %1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Employer registration</source>
        <translation>Employer registration</translation>
    </message>
    <message>
        <source>Register your organisation so that your staff can bind to it and you can confirm their hours.</source>
        <translation>Register your organisation so that your staff can bind to it and you can confirm their hours.</translation>
    </message>
    <message>
        <source>Training institution registration</source>
        <translation>Training institution registration</translation>
    </message>
    <message>
        <source>A training institution can run training classes after an administrator has approved it.</source>
        <translation>A training institution can run training classes after an administrator has approved it.</translation>
    </message>
    <message>
        <source>Training institution</source>
        <translation>Training institution</translation>
    </message>
    <message>
        <source>Personal registration</source>
        <translation>Personal registration</translation>
    </message>
    <message>
        <source>For professional technical personnel. You can log in as soon as you have registered.</source>
        <translation>For professional technical personnel. You can log in as soon as you have registered.</translation>
    </message>
    <message>
        <source>I am registering as:</source>
        <translation>I am registering as:</translation>
    </message>
    <message>
        <source>Professional (individual)</source>
        <translation>Professional (individual)</translation>
    </message>
    <message>
        <source>Employer (work unit)</source>
        <translation>Employer (work unit)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Confirm password</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>Personal information</source>
        <translation>Personal information</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Real name</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>Resident ID number</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>E-mail (optional)</source>
        <translation>E-mail (optional)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Administrative region</source>
        <translation>Administrative region</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>The account is created on the server %1.</source>
        <translation>The account is created on the server %1.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Registration successful</source>
        <translation>Registration successful</translation>
    </message>
    <message>
        <source>The training institution account &quot;%1&quot; has been created. An administrator must approve the institution before it can run training classes; until then you can log in and see your account.</source>
        <translation>The training institution account &quot;%1&quot; has been created. An administrator must approve the institution before it can run training classes; until then you can log in and see your account.</translation>
    </message>
    <message>
        <source>The employer account &quot;%1&quot; has been created. You can log in with it now.</source>
        <translation>The employer account &quot;%1&quot; has been created. You can log in with it now.</translation>
    </message>
    <message>
        <source>Your account &quot;%1&quot; has been created. You can log in with it now. Keep your username and password safe; if you forget them, use &quot;Recover username&quot; or &quot;Recover password&quot; on the login window.</source>
        <translation>Your account &quot;%1&quot; has been created. You can log in with it now. Keep your username and password safe; if you forget them, use &quot;Recover username&quot; or &quot;Recover password&quot; on the login window.</translation>
    </message>
    <message>
        <source>Back to login</source>
        <translation>Back to login</translation>
    </message>
    <message>
        <source>Employer details</source>
        <translation>Employer details</translation>
    </message>
    <message>
        <source>Institution details</source>
        <translation>Institution details</translation>
    </message>
    <message>
        <source>Account details</source>
        <translation>Account details</translation>
    </message>
</context>
<context>
    <name>xueshi::RejectOrganisationDialog</name>
    <message>
        <source>Reject the organisation</source>
        <translation>Reject the organisation</translation>
    </message>
    <message>
        <source>Why is %1 rejected? The organisation sees this reason when it logs in; it can register again with correct details.</source>
        <translation>Why is %1 rejected? The organisation sees this reason when it logs in; it can register again with correct details.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>xueshi::ReviewPage</name>
    <message>
        <source>Attachments %1 of %2</source>
        <translation>Attachments %1 of %2</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>Training content</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Training dates</source>
        <translation>Training dates</translation>
    </message>
    <message>
        <source>Training days</source>
        <translation>Training days</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>Professional series</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>The person withdrew this declaration: it cannot be decided until they submit it again.</source>
        <translation>The person withdrew this declaration: it cannot be decided until they submit it again.</translation>
    </message>
    <message>
        <source>Select a declaration to see it with its attachments.</source>
        <translation>Select a declaration to see it with its attachments.</translation>
    </message>
    <message numerus="yes">
        <source>%n declaration(s) selected, %1 of them to review.</source>
        <translation>
            <numerusform>%n declaration selected, %1 of them to review.</numerusform>
            <numerusform>%n declarations selected, %1 of them to review.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)%3</source>
        <translation>%1 (%2)%3</translation>
    </message>
    <message>
        <source> – not on this computer yet</source>
        <translation> – not on this computer yet</translation>
    </message>
    <message>
        <source>No attachments.</source>
        <translation>No attachments.</translation>
    </message>
    <message>
        <source>This attachment is not on this computer: the space for attachments is full (see Settings).</source>
        <translation>This attachment is not on this computer: the space for attachments is full (see Settings).</translation>
    </message>
    <message>
        <source>This attachment is not on this computer yet: it is downloaded with the next sync.</source>
        <translation>This attachment is not on this computer yet: it is downloaded with the next sync.</translation>
    </message>
    <message>
        <source>This attachment cannot be shown: its content is not the kind of file it claims to be.</source>
        <translation>This attachment cannot be shown: its content is not the kind of file it claims to be.</translation>
    </message>
    <message>
        <source>This PDF cannot be opened.</source>
        <translation>This PDF cannot be opened.</translation>
    </message>
    <message>
        <source>This image cannot be opened.</source>
        <translation>This image cannot be opened.</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>Confirm %1</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Your organisation must be approved by the administrator before it can decide declarations.</source>
        <translation>Your organisation must be approved by the administrator before it can decide declarations.</translation>
    </message>
    <message>
        <source>Withdrawn by the person: it cannot be decided.</source>
        <translation>Withdrawn by the person: it cannot be decided.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n declaration(s) shown</source>
        <translation>
            <numerusform>%1 of %n declaration shown</numerusform>
            <numerusform>%1 of %n declarations shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Attachments on this computer: %1 of %2.</source>
        <translation>Attachments on this computer: %1 of %2.</translation>
    </message>
    <message numerus="yes">
        <source>The space for attachments is full: %n attachment(s) were not downloaded. Raise the limit in Settings, or decide declarations to free space.</source>
        <translation>
            <numerusform>The space for attachments is full: %n attachment were not downloaded. Raise the limit in Settings, or decide declarations to free space.</numerusform>
            <numerusform>The space for attachments is full: %n attachments were not downloaded. Raise the limit in Settings, or decide declarations to free space.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s) saved; sent at the next sync.</source>
        <translation>
            <numerusform>%n confirmation saved; sent at the next sync.</numerusform>
            <numerusform>%n confirmations saved; sent at the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last confirmation of %n declaration(s): %1 accepted by the server, %2 not applied (see Sync problems), %3 waiting to be sent.</source>
        <translation>
            <numerusform>Last confirmation of %n declaration: %1 accepted by the server, %2 not applied (see Sync problems), %3 waiting to be sent.</numerusform>
            <numerusform>Last confirmation of %n declarations: %1 accepted by the server, %2 not applied (see Sync problems), %3 waiting to be sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return the declaration</source>
        <translation>Return the declaration</translation>
    </message>
    <message>
        <source>Why is the declaration returned? The person sees this reason and can correct the declaration.</source>
        <translation>Why is the declaration returned? The person sees this reason and can correct the declaration.</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The reason is %1 characters long; at most %2 are allowed.</source>
        <translation>The reason is %1 characters long; at most %2 are allowed.</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>A reason is required.</translation>
    </message>
    <message>
        <source>Returned; sent at the next sync.</source>
        <translation>Returned; sent at the next sync.</translation>
    </message>
    <message>
        <source>Hours review</source>
        <translation>Hours review</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>All subjects</source>
        <translation>All subjects</translation>
    </message>
    <message>
        <source>Name contains…</source>
        <translation>Name contains…</translation>
    </message>
    <message>
        <source>Training:</source>
        <translation>Training:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
</context>
<context>
    <name>xueshi::ReviewTableModel</name>
    <message>
        <source>%1 (sync problem)</source>
        <translation>%1 (sync problem)</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (not sent yet)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>Training content</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Training dates</source>
        <translation>Training dates</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>xueshi::ReviewText</name>
    <message>
        <source>To review</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Withdrawn by the person</source>
        <translation>Withdrawn by the person</translation>
    </message>
    <message>
        <source>Professional subject</source>
        <translation>Professional subject</translation>
    </message>
    <message>
        <source>Elective subject</source>
        <translation>Elective subject</translation>
    </message>
</context>
<context>
    <name>xueshi::RevocationPage</name>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Superseded by a later version</source>
        <translation>Superseded by a later version</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>A serial number is XS, the year and ten letters or digits, as printed on the certificate.</source>
        <translation>A serial number is XS, the year and ten letters or digits, as printed on the certificate.</translation>
    </message>
    <message>
        <source>Revoke the certificate</source>
        <translation>Revoke the certificate</translation>
    </message>
    <message>
        <source>Revoke certificate No. %1? Anyone who verifies it will be told it is revoked, with your reason. This cannot be undone.</source>
        <translation>Revoke certificate No. %1? Anyone who verifies it will be told it is revoked, with your reason. This cannot be undone.</translation>
    </message>
    <message>
        <source>Certificate No. %1 is revoked.</source>
        <translation>Certificate No. %1 is revoked.</translation>
    </message>
    <message>
        <source>The reason may have at most %1 characters.</source>
        <translation>The reason may have at most %1 characters.</translation>
    </message>
    <message>
        <source>Certificate management</source>
        <translation>Certificate management</translation>
    </message>
    <message>
        <source>Look a certificate up by the serial number printed on it. Revoking its current version makes every verification say so, with the reason; the learner may be issued a new version once the hours behind it are corrected.</source>
        <translation>Look a certificate up by the serial number printed on it. Revoking its current version makes every verification say so, with the reason; the learner may be issued a new version once the hours behind it are corrected.</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Serial number:</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Reason for revocation</source>
        <translation>Reason for revocation</translation>
    </message>
    <message>
        <source>Reason for revocation (1 to %1 characters):</source>
        <translation>Reason for revocation (1 to %1 characters):</translation>
    </message>
    <message>
        <source>Revoke the current version</source>
        <translation>Revoke the current version</translation>
    </message>
</context>
<context>
    <name>xueshi::RoleWindow</name>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Continuing education for professional technical personnel: public courses, training classes, credit hours and certificates.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Continuing education for professional technical personnel: public courses, training classes, credit hours and certificates.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>Logged in as %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Your training institution is awaiting approval by an administrator. You can log in and see your account, but you can run training classes only after the approval.</source>
        <translation>Your training institution is awaiting approval by an administrator. You can log in and see your account, but you can run training classes only after the approval.</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Xueshi</source>
        <translation>&amp;About Xueshi</translation>
    </message>
    <message>
        <source>Sync problems (%1)</source>
        <translation>Sync problems (%1)</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Log in again</source>
        <translation>Log in again</translation>
    </message>
    <message>
        <source>Log in again to send your changes</source>
        <translation>Log in again to send your changes</translation>
    </message>
    <message>
        <source>The server needs a new login before it accepts the changes made on this computer. They are kept here and are sent after you log in again.</source>
        <translation>The server needs a new login before it accepts the changes made on this computer. They are kept here and are sent after you log in again.</translation>
    </message>
    <message>
        <source>Offline mode</source>
        <translation>Offline mode</translation>
    </message>
    <message>
        <source>The server cannot be reached; you are working with the data saved on this computer (last online login: %1).</source>
        <translation>The server cannot be reached; you are working with the data saved on this computer (last online login: %1).</translation>
    </message>
    <message>
        <source>Your changes are kept here and sent when the network returns.</source>
        <translation>Your changes are kept here and sent when the network returns.</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <source>Sync &amp;problems</source>
        <translation>Sync &amp;problems</translation>
    </message>
    <message>
        <source>The administrator did not approve the registration of your organisation. Reason: %1. Please contact the administrator of the continuing education system.</source>
        <translation>The administrator did not approve the registration of your organisation. Reason: %1. Please contact the administrator of the continuing education system.</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>none given</translation>
    </message>
    <message>
        <source>Your employer account is awaiting approval by an administrator. You can log in and see your account; learners find your organisation and you can confirm staff only after the approval.</source>
        <translation>Your employer account is awaiting approval by an administrator. You can log in and see your account; learners find your organisation and you can confirm staff only after the approval.</translation>
    </message>
    <message>
        <source>&amp;Verify certificate…</source>
        <translation>&amp;Verify certificate…</translation>
    </message>
</context>
<context>
    <name>xueshi::Session</name>
    <message>
        <source>The server&apos;s answer to the login is incomplete.</source>
        <translation>The server&apos;s answer to the login is incomplete.</translation>
    </message>
</context>
<context>
    <name>xueshi::SettingsPage</name>
    <message>
        <source>None pinned: the certificate is trusted by the system</source>
        <translation>None pinned: the certificate is trusted by the system</translation>
    </message>
    <message>
        <source>Not open: %1</source>
        <translation>Not open: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>The system keychain</source>
        <translation>The system keychain</translation>
    </message>
    <message>
        <source>A file only you can read: %1</source>
        <translation>A file only you can read: %1</translation>
    </message>
    <message>
        <source>Possible on this computer (last online login: %1)</source>
        <translation>Possible on this computer (last online login: %1)</translation>
    </message>
    <message>
        <source>Not kept on this computer: the next login needs the network</source>
        <translation>Not kept on this computer: the next login needs the network</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Clear cache</translation>
    </message>
    <message>
        <source>Delete the downloaded lesson content and attachments (%1)? They are downloaded again when needed. Changes waiting to be sent are not touched.</source>
        <translation>Delete the downloaded lesson content and attachments (%1)? They are downloaded again when needed. Changes waiting to be sent are not touched.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The content cache has been cleared.</source>
        <translation>The content cache has been cleared.</translation>
    </message>
    <message>
        <source>The content cache could not be cleared completely.</source>
        <translation>The content cache could not be cleared completely.</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Forget</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>What this computer keeps for you and where. The language is chosen on the login window.</source>
        <translation>What this computer keeps for you and where. The language is chosen on the login window.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Pinned certificate (SHA-256)</source>
        <translation>Pinned certificate (SHA-256)</translation>
    </message>
    <message>
        <source>Local data</source>
        <translation>Local data</translation>
    </message>
    <message>
        <source>Data location</source>
        <translation>Data location</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>Local database</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Session token</translation>
    </message>
    <message>
        <source>Kept in</source>
        <translation>Kept in</translation>
    </message>
    <message>
        <source>The token lets this computer sync your changes when the network returns, also after an offline login. It is deleted when you log out.</source>
        <translation>The token lets this computer sync your changes when the network returns, also after an offline login. It is deleted when you log out.</translation>
    </message>
    <message>
        <source>Content cache</source>
        <translation>Content cache</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Downloaded lesson content and attachments, readable offline. Clearing the cache never touches your changes waiting to be sent.</source>
        <translation>Downloaded lesson content and attachments, readable offline. Clearing the cache never touches your changes waiting to be sent.</translation>
    </message>
    <message>
        <source>Offline login</source>
        <translation>Offline login</translation>
    </message>
    <message>
        <source>Space for attachments</source>
        <translation>Space for attachments</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>An employer&apos;s client downloads the attachments of the declarations to review with each sync, up to this much, so they can be reviewed offline.</source>
        <translation>An employer&apos;s client downloads the attachments of the declarations to review with each sync, up to this much, so they can be reviewed offline.</translation>
    </message>
    <message>
        <source>Forget %1 on this computer? The offline login, the kept session token and the local data (cached records and attachments) are deleted, and you are logged out. The next login needs the network and downloads your data again.</source>
        <translation>Forget %1 on this computer? The offline login, the kept session token and the local data (cached records and attachments) are deleted, and you are logged out. The next login needs the network and downloads your data again.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet accepted by the server would be lost. Connect to the network and sync first to keep them.</source>
        <translation>
            <numerusform>%n change not yet accepted by the server would be lost. Connect to the network and sync first to keep them.</numerusform>
            <numerusform>%n changes not yet accepted by the server would be lost. Connect to the network and sync first to keep them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget this computer</source>
        <translation>Forget this computer</translation>
    </message>
    <message numerus="yes">
        <source>Forget and lose %n change(s)</source>
        <translation>
            <numerusform>Forget and lose %n change</numerusform>
            <numerusform>Forget and lose %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::StaffPage</name>
    <message>
        <source>Real name</source>
        <translation>Real name</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>Professional title</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>Professional series</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Select a request to see the person&apos;s details.</source>
        <translation>Select a request to see the person&apos;s details.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) selected, %1 of them to confirm.</source>
        <translation>
            <numerusform>%n request selected, %1 of them to confirm.</numerusform>
            <numerusform>%n requests selected, %1 of them to confirm.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>Confirm %1</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Select a person to see their details.</source>
        <translation>Select a person to see their details.</translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s) saved; sent at the next sync.</source>
        <translation>
            <numerusform>%n confirmation saved; sent at the next sync.</numerusform>
            <numerusform>%n confirmations saved; sent at the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>Return the request</source>
        <translation>Return the request</translation>
    </message>
    <message>
        <source>Why is the request returned? The person sees this reason and can correct their details.</source>
        <translation>Why is the request returned? The person sees this reason and can correct their details.</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Returned; sent at the next sync.</source>
        <translation>Returned; sent at the next sync.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Confirmed staff</source>
        <translation>Confirmed staff</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Name contains…</source>
        <translation>Name contains…</translation>
    </message>
    <message>
        <source>Requested:</source>
        <translation>Requested:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>Search by name…</source>
        <translation>Search by name…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>This person&apos;s other details are no longer shown to your organisation: the request was withdrawn or rejected, or the person is now confirmed by another employer.</source>
        <translation>This person&apos;s other details are no longer shown to your organisation: the request was withdrawn or rejected, or the person is now confirmed by another employer.</translation>
    </message>
    <message>
        <source>Your organisation must be approved by the administrator before it can decide requests.</source>
        <translation>Your organisation must be approved by the administrator before it can decide requests.</translation>
    </message>
</context>
<context>
    <name>xueshi::StudySession</name>
    <message>
        <source>The study time cannot be saved: you are not logged in.</source>
        <translation>The study time cannot be saved: you are not logged in.</translation>
    </message>
</context>
<context>
    <name>xueshi::SyncEngine</name>
    <message>
        <source>The change could not be saved on this computer: %1</source>
        <translation>The change could not be saved on this computer: %1</translation>
    </message>
    <message>
        <source>The local cache is not open.</source>
        <translation>The local cache is not open.</translation>
    </message>
    <message>
        <source>The server did not answer for every change sent. They will be sent again.</source>
        <translation>The server did not answer for every change sent. They will be sent again.</translation>
    </message>
    <message>
        <source>The server sent changes this program cannot read.</source>
        <translation>The server sent changes this program cannot read.</translation>
    </message>
    <message>
        <source>The changes from the server could not be stored: %1</source>
        <translation>The changes from the server could not be stored: %1</translation>
    </message>
    <message>
        <source>The local cache could not be updated: %1</source>
        <translation>The local cache could not be updated: %1</translation>
    </message>
    <message>
        <source>This cannot be changed yet: connect to the server once so that the data is on this computer.</source>
        <translation>This cannot be changed yet: connect to the server once so that the data is on this computer.</translation>
    </message>
    <message>
        <source>This change is too large for the server to accept.</source>
        <translation>This change is too large for the server to accept.</translation>
    </message>
</context>
<context>
    <name>xueshi::SyncProblemsPage</name>
    <message>
        <source>Change personal details</source>
        <translation>Change personal details</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>Made on this computer: %1</source>
        <translation>Made on this computer: %1</translation>
    </message>
    <message>
        <source>Conflict: the data changed on the server first</source>
        <translation>Conflict: the data changed on the server first</translation>
    </message>
    <message>
        <source>After this computer last synced, the data was changed on the server (for example on another computer), so your change was not applied. Compare the values below and decide.</source>
        <translation>After this computer last synced, the data was changed on the server (for example on another computer), so your change was not applied. Compare the values below and decide.</translation>
    </message>
    <message>
        <source>The server&apos;s answer: %1</source>
        <translation>The server&apos;s answer: %1</translation>
    </message>
    <message>
        <source>Field: %1.</source>
        <translation>Field: %1.</translation>
    </message>
    <message>
        <source>&quot;Retry&quot; applies your change over the server&apos;s values; &quot;Edit&quot; lets you change it first; &quot;Discard&quot; keeps the server&apos;s values.</source>
        <translation>&quot;Retry&quot; applies your change over the server&apos;s values; &quot;Edit&quot; lets you change it first; &quot;Discard&quot; keeps the server&apos;s values.</translation>
    </message>
    <message>
        <source>&quot;Retry&quot; sends the same change again; &quot;Edit&quot; lets you correct it; &quot;Discard&quot; drops it and shows the server&apos;s values again.</source>
        <translation>&quot;Retry&quot; sends the same change again; &quot;Edit&quot; lets you correct it; &quot;Discard&quot; drops it and shows the server&apos;s values again.</translation>
    </message>
    <message>
        <source>The change could not be queued again.</source>
        <translation>The change could not be queued again.</translation>
    </message>
    <message>
        <source>The edited change could not be saved.</source>
        <translation>The edited change could not be saved.</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Discard change</translation>
    </message>
    <message>
        <source>Discard this change (%1)? It will not be sent to the server, and this computer shows the server&apos;s data again. This cannot be undone.</source>
        <translation>Discard this change (%1)? It will not be sent to the server, and this computer shows the server&apos;s data again. This cannot be undone.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>The change could not be discarded.</source>
        <translation>The change could not be discarded.</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <source>Changes made on this computer that the server refused or that met a newer change on the server. They stay here until you retry, edit or discard them; your other changes are sent meanwhile.</source>
        <translation>Changes made on this computer that the server refused or that met a newer change on the server. They stay here until you retry, edit or discard them; your other changes are sent meanwhile.</translation>
    </message>
    <message>
        <source>No sync problems to deal with</source>
        <translation>No sync problems to deal with</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Your change</translation>
    </message>
    <message>
        <source>Current value on the server</source>
        <translation>Current value on the server</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <source>Ask an employer to confirm you</source>
        <translation>Ask an employer to confirm you</translation>
    </message>
    <message>
        <source>Withdraw the request to the employer</source>
        <translation>Withdraw the request to the employer</translation>
    </message>
    <message>
        <source>Confirm a person&apos;s request</source>
        <translation>Confirm a person&apos;s request</translation>
    </message>
    <message>
        <source>Return a person&apos;s request</source>
        <translation>Return a person&apos;s request</translation>
    </message>
    <message>
        <source>Select a public course</source>
        <translation>Select a public course</translation>
    </message>
    <message>
        <source>Change a course&apos;s declaration year</source>
        <translation>Change a course&apos;s declaration year</translation>
    </message>
    <message>
        <source>Study time of a lesson</source>
        <translation>Study time of a lesson</translation>
    </message>
    <message>
        <source>Hand in a course exam</source>
        <translation>Hand in a course exam</translation>
    </message>
    <message>
        <source>Save a training class</source>
        <translation>Save a training class</translation>
    </message>
    <message>
        <source>Accept enrolment in a class</source>
        <translation>Accept enrolment in a class</translation>
    </message>
    <message>
        <source>Stop enrolment in a class</source>
        <translation>Stop enrolment in a class</translation>
    </message>
    <message>
        <source>Confirm the hours of a class</source>
        <translation>Confirm the hours of a class</translation>
    </message>
    <message>
        <source>Enrol in a training class</source>
        <translation>Enrol in a training class</translation>
    </message>
    <message>
        <source>Cancel an enrolment</source>
        <translation>Cancel an enrolment</translation>
    </message>
    <message>
        <source>Confirm an enrolment</source>
        <translation>Confirm an enrolment</translation>
    </message>
    <message>
        <source>Return an enrolment</source>
        <translation>Return an enrolment</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Real name</translation>
    </message>
    <message>
        <source>Resident ID</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>Professional title</translation>
    </message>
    <message>
        <source>Professional series</source>
        <translation>Professional series</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>When you decided</source>
        <translation>When you decided</translation>
    </message>
    <message>
        <source>Now on the server</source>
        <translation>Now on the server</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>Reason for rejecting</translation>
    </message>
    <message>
        <source>What you saw</source>
        <translation>What you saw</translation>
    </message>
    <message>
        <source>The organisation has been decided already, so a retry would meet the same conflict: &quot;Discard&quot; drops your decision.</source>
        <translation>The organisation has been decided already, so a retry would meet the same conflict: &quot;Discard&quot; drops your decision.</translation>
    </message>
    <message>
        <source>&quot;Retry&quot; takes the same decision on the organisation as it is now on the server; &quot;Discard&quot; drops your decision.</source>
        <translation>&quot;Retry&quot; takes the same decision on the organisation as it is now on the server; &quot;Discard&quot; drops your decision.</translation>
    </message>
    <message>
        <source>Training content</source>
        <translation>Training content</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Training days</source>
        <translation>Training days</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Save a self-declaration</source>
        <translation>Save a self-declaration</translation>
    </message>
    <message>
        <source>Submit a self-declaration</source>
        <translation>Submit a self-declaration</translation>
    </message>
    <message>
        <source>Withdraw a self-declaration</source>
        <translation>Withdraw a self-declaration</translation>
    </message>
    <message>
        <source>Delete a self-declaration</source>
        <translation>Delete a self-declaration</translation>
    </message>
    <message>
        <source>Confirm a self-declaration</source>
        <translation>Confirm a self-declaration</translation>
    </message>
    <message>
        <source>Return a self-declaration</source>
        <translation>Return a self-declaration</translation>
    </message>
    <message>
        <source>The person withdrew or changed this declaration after you reviewed it, so your decision was not applied. Below: the declaration as you saw it and as it is now.</source>
        <translation>The person withdrew or changed this declaration after you reviewed it, so your decision was not applied. Below: the declaration as you saw it and as it is now.</translation>
    </message>
    <message>
        <source>A decision applies only to the version you saw: &quot;Discard&quot; drops it, then review the declaration as it is now under Hours review.</source>
        <translation>A decision applies only to the version you saw: &quot;Discard&quot; drops it, then review the declaration as it is now under Hours review.</translation>
    </message>
    <message numerus="yes">
        <source>and %n change(s) that build on it</source>
        <translation>
            <numerusform>and %n change that builds on it</numerusform>
            <numerusform>and %n changes that build on it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) made on this computer build on this one (%1) and wait with it: they are retried or discarded together with it.</source>
        <translation>
            <numerusform>%n later change made on this computer builds on this one (%1) and waits with it: it is retried or discarded together with it.</numerusform>
            <numerusform>%n later changes made on this computer build on this one (%1) and wait with it: they are retried or discarded together with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard this change (%1) and the %n change(s) that build on it? None of them will be sent to the server, and this computer shows the server&apos;s data again. This cannot be undone.</source>
        <translation>
            <numerusform>Discard this change (%1) and the %n change that builds on it? Neither will be sent to the server, and this computer shows the server&apos;s data again. This cannot be undone.</numerusform>
            <numerusform>Discard this change (%1) and the %n changes that build on it? None of them will be sent to the server, and this computer shows the server&apos;s data again. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::SyncStatusWidget</name>
    <message>
        <source>%1 of %2 changes received</source>
        <translation>%1 of %2 changes received</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Send your changes and get the server&apos;s (F5)</source>
        <translation>Send your changes and get the server&apos;s (F5)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>It tries again by itself when the network returns; &quot;Sync now&quot; tries at once.</source>
        <translation>It tries again by itself when the network returns; &quot;Sync now&quot; tries at once.</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Waiting to sync</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message numerus="yes">
        <source>%n sync problem(s)</source>
        <translation>
            <numerusform>%n sync problem</numerusform>
            <numerusform>%n sync problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xueshi::TokenStore</name>
    <message>
        <source>the system keychain</source>
        <translation>the system keychain</translation>
    </message>
    <message>
        <source>a file only you can read: %1</source>
        <translation>a file only you can read: %1</translation>
    </message>
</context>
<context>
    <name>xueshi::TrainingClassTableModel</name>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (not sent yet)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Subject type</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Enrolment deadline</source>
        <translation>Enrolment deadline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>xueshi::UiText</name>
    <message>
        <source>Xueshi</source>
        <translation>Xueshi</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Training institution</source>
        <translation>Training institution</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Not provided</source>
        <translation>Not provided</translation>
    </message>
</context>
<context>
    <name>xueshi::UsernameRecoveryDialog</name>
    <message>
        <source>Sending the verification code…</source>
        <translation>Sending the verification code…</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Checking the code…</translation>
    </message>
    <message>
        <source>Recover username</source>
        <translation>Recover username</translation>
    </message>
    <message>
        <source>Enter the resident ID number (for an organisation: the unified social credit code) you registered with. A verification code is sent to the registered mobile phone or e-mail; with it, your username is shown.</source>
        <translation>Enter the resident ID number (for an organisation: the unified social credit code) you registered with. A verification code is sent to the registered mobile phone or e-mail; with it, your username is shown.</translation>
    </message>
    <message>
        <source>Account of</source>
        <translation>Account of</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Training institution</source>
        <translation>Training institution</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>Resident ID number</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Show my username</source>
        <translation>Show my username</translation>
    </message>
    <message>
        <source>Your username is:</source>
        <translation>Your username is:</translation>
    </message>
    <message>
        <source>Log in with this username</source>
        <translation>Log in with this username</translation>
    </message>
</context>
<context>
    <name>xueshi::VerifyDialog</name>
    <message>
        <source>Open a certificate</source>
        <translation>Open a certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pdf *.png *.jpg *.jpeg);;PDF (*.pdf);;Images (*.png *.jpg *.jpeg)</source>
        <translation>Certificates (*.pdf *.png *.jpg *.jpeg);;PDF (*.pdf);;Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>Pasted text</translation>
    </message>
    <message>
        <source>The signature is valid and the text printed on the page matches the QR code.</source>
        <translation>The signature is valid and the text printed on the page matches the QR code.</translation>
    </message>
    <message>
        <source>The signature is valid: the fields below are as the server issued them.</source>
        <translation>The signature is valid: the fields below are as the server issued them.</translation>
    </message>
    <message>
        <source>Signed by the server %1.</source>
        <translation>Signed by the server %1.</translation>
    </message>
    <message>
        <source>The QR code&apos;s content was changed after it was signed.</source>
        <translation>The QR code&apos;s content was changed after it was signed.</translation>
    </message>
    <message>
        <source>What is printed on the page differs from what the QR code&apos;s signature covers. The values below are the signed ones.</source>
        <translation>What is printed on the page differs from what the QR code&apos;s signature covers. The values below are the signed ones.</translation>
    </message>
    <message>
        <source>The signature does not match: the QR code was altered or forged.</source>
        <translation>The signature does not match: the QR code was altered or forged.</translation>
    </message>
    <message>
        <source>This certificate was signed with key %1, which this computer has not seen. Log in once, or connect to the server, to receive its keys.</source>
        <translation>This certificate was signed with key %1, which this computer has not seen. Log in once, or connect to the server, to receive its keys.</translation>
    </message>
    <message>
        <source>The QR code does not hold a Xueshi certificate.</source>
        <translation>The QR code does not hold a Xueshi certificate.</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1 (changed)</translation>
    </message>
    <message>
        <source>Asking the server about this serial number…</source>
        <translation>Asking the server about this serial number…</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Verify certificate</source>
        <translation>Verify certificate</translation>
    </message>
    <message>
        <source>Open a certificate (the PDF, or a photo or scan of its QR code), or paste the QR code&apos;s text. It is checked on this computer against the signing keys received from the server.</source>
        <translation>Open a certificate (the PDF, or a photo or scan of its QR code), or paste the QR code&apos;s text. It is checked on this computer against the signing keys received from the server.</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Open file…</translation>
    </message>
    <message>
        <source>Or the QR code&apos;s text:</source>
        <translation>Or the QR code&apos;s text:</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Signed value</source>
        <translation>Signed value</translation>
    </message>
</context>
</TS>
