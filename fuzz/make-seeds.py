#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into fuzz/corpus/<target>/ (docs/fuzzing.md).

The seeds are small, valid or nearly valid inputs that lead each parser into all of its
branches; the fuzzers mutate them. Run it again after changing it; the output is committed.
"""
import io
import json
import os
import shutil
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def write(target, name, data):
    folder = os.path.join(ROOT, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --- http_head: the bytes before the blank line of a request -----------------------------------
heads = {
    "get": "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en",
    "post": "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 42\r\nConnection: keep-alive\r\nExpect: 100-continue",
    "query": "GET /api/v1/sync/changes?limit=500&since=v1.abc.1.20 HTTP/1.1\r\nHost: x\r\n"
             "Authorization: Bearer 0123456789abcdef",
    "http10": "GET /api/v1/me HTTP/1.0\r\nConnection: keep-alive",
    "percent": "GET /api/v1/users/%E5%AD%A6%20x HTTP/1.1\r\nHost: x\r\nRange: bytes=0-99",
    "dotdot": "GET /api/v1/../etc/passwd HTTP/1.1\r\nHost: x",
    "chunked": "POST /api/v1/sync/mutations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked",
    "twolengths": "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6",
    "folded": "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  folded",
    "version": "GET / HTTP/2.0\r\nHost: x",
    "hugelength": "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999",
    "delete": "DELETE /api/v1/session HTTP/1.1\r\nHost: x\r\nConnection: close",
}
for name, text in heads.items():
    write("http_head", name, text)

# --- attendance_csv: the file an institution imports -------------------------------------------
csvs = {
    "ids": "身份证号,姓名,学时,备注\r\n44010619900101123X,张三,24,\r\n440106198505054321,李四,20,请假半天\r\n",
    "bom-lf": "\ufeff姓名,学时,备注\n张三,24\n王五,24\n陈六,0,缺席\n",
    "english": "Hours,Name,ResidentId,Reason\n24.0,\"Li, Si\",440106198505054321,\n2.55,张三,,\n",
    "quoted": "身份证号,姓名,学时,备注\n\"44010619900101123X\",\"张\"\"三\",\"24\",\"多\n行\"\n",
    "open-quote": "姓名,学时\n\"张三,24\n",
    "missing-column": "姓名,备注\n张三,x\n",
    "masked": "身份证号,姓名,学时\n440106********123X,张三,24\n赵七,赵七,24\n",
}
for name, text in csvs.items():
    write("attendance_csv", name, text)
write("attendance_csv", "gbk", "姓名,学时\n张三,24\n".encode("gbk"))

# --- course_manifest: course.json [\n#questions.json\n questions.json] -------------------------
questions = [
    {"id": "q1", "type": "single", "text": "哪一项？",
     "options": [{"id": "a", "text": "甲"}, {"id": "b", "text": "乙"}], "answer": ["b"]},
    {"id": "q2", "type": "multiple", "text": "哪些？",
     "options": [{"id": "a", "text": "甲"}, {"id": "b", "text": "乙"}, {"id": "c", "text": "丙"}],
     "answer": ["a", "c"]},
    {"id": "q3", "type": "trueFalse", "text": "对吗？", "answer": "true"},
]
manifest = {
    "format": 1, "id": "fuzz-course", "version": 1, "title": "课程", "introduction": "简介",
    "hours": 7.5, "years": [2025, 2026],
    "lessons": [
        {"id": "l1", "title": "第一讲", "file": "lessons/01.html", "minMinutes": 1},
        {"id": "l2", "title": "第二讲", "file": "lessons/02.pdf", "minMinutes": 30},
    ],
    "exam": {"questionBank": "questions.json", "questionCount": 2, "passMark": 60,
             "attemptsAllowed": 3, "timeLimitMinutes": 30},
}
SEP = "\n#questions.json\n"
write("course_manifest", "valid", json.dumps(manifest, ensure_ascii=False, indent=1) + SEP
      + json.dumps(questions, ensure_ascii=False, indent=1))
bad = dict(manifest, id="../Bad", hours=7.25, years=[1999, 2026, 2026],
           lessons=[{"id": "l1", "title": "x", "file": "../../etc/passwd", "minMinutes": 0},
                    {"id": "l1", "title": "", "file": "lessons/missing.html", "minMinutes": 601}])
write("course_manifest", "invalid", compact(bad) + SEP + compact(questions[:1]))
write("course_manifest", "no-bank", compact(dict(manifest, exam={"questionBank": "C:\\x.json"})))
write("course_manifest", "bank-errors", compact(manifest) + SEP + compact(
    [{"id": "q1", "type": "single", "text": "x", "options": [{"id": "a", "text": "y"}],
      "answer": ["z"]}, {"id": "q1", "type": "odd"}, 7]))

# --- course_zip: a zipped package ---------------------------------------------------------------
files = {
    "course.json": json.dumps(manifest, ensure_ascii=False).encode(),
    "questions.json": json.dumps(questions, ensure_ascii=False).encode(),
    "lessons/01.html": "<html><body>第一讲<img src=\"images/a.png\"></body></html>".encode(),
    "lessons/images/a.png": b"\x89PNG\r\n",
    "lessons/02.pdf": b"%PDF-1.4\n%%EOF\n",
}


def package(prefix, method):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as z:
        if prefix:
            z.writestr(zipfile.ZipInfo(prefix), b"")
        for name, data in files.items():
            info = zipfile.ZipInfo(prefix + name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buffer.getvalue()


write("course_zip", "stored", package("", zipfile.ZIP_STORED))
write("course_zip", "deflated-in-folder", package("course/", zipfile.ZIP_DEFLATED))
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in (("../escape.txt", b"x"), ("course.json", b"{}")):
        z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
write("course_zip", "unsafe-names", buffer.getvalue())

# --- json_bodies: "METHOD /pattern" line, caller byte, body (or parameter, or query) -----------
# The route as in the server's route table; callers: 0 anonymous, 1 learner, 2 employer,
# 3 institution, 4 administrator (+5: English).
ROUTES = {
    "learners": "POST /api/v1/accounts/learners",
    "employers": "POST /api/v1/accounts/employers",
    "institutions": "POST /api/v1/accounts/institutions",
    "session": "POST /api/v1/session",
    "password": "POST /api/v1/me/password",
    "recover-username": "POST /api/v1/recovery/username",
    "recover-username-verify": "POST /api/v1/recovery/username/verify",
    "recover-password": "POST /api/v1/recovery/password",
    "recover-password-reset": "POST /api/v1/recovery/password/reset",
    "mutations": "POST /api/v1/sync/mutations",
    "changes": "GET /api/v1/sync/changes",
    "users": "GET /api/v1/users/{id}",
    "content": "GET /api/v1/content/{sha256}",
    "me": "GET /api/v1/me",
    "health": "GET /api/v1/health",
    "attendance-match": "POST /api/v1/classes/{id}/attendance-match",
    "attachment-announce": "POST /api/v1/declarations/{id}/attachments",
    "attachment-content": "POST /api/v1/attachments/{id}/content",
    "attachment": "GET /api/v1/attachments/{id}",
}


def body(route, caller, payload, name, english=False):
    data = payload if isinstance(payload, (bytes, str)) else compact(payload)
    if isinstance(data, str):
        data = data.encode("utf-8")
    write("json_bodies", name, ROUTES[route].encode() + b"\n"
          + bytes([caller + (5 if english else 0)]) + data)


body("learners", 0, {"username": "wangwu", "password": "Secret123", "realName": "王五",
                     "residentId": "11010519491231002X", "mobile": "13700137000",
                     "email": "w@example.cn"}, "learner")
body("employers", 0, {"username": "acme", "password": "Secret123", "name": "某某有限公司",
                      "creditCode": "91350100M000100Y43", "regionCode": "440106",
                      "contactPerson": "李四", "phone": "020-12345678"}, "employer", True)
body("institutions", 0, {"username": "school", "password": 7, "name": None}, "institution-types")
body("session", 0, {"username": "fuzzlearner", "password": "wrong"}, "session")
body("password", 1, {"currentPassword": "Secret123", "newPassword": ""}, "password")
body("recover-username", 0, {"residentId": "44010619900101123X", "channel": "sms"}, "recover")
body("recover-username-verify", 0, {"requestId": "x", "code": "123456"}, "recover-verify")
body("recover-password", 0, {"username": "fuzzlearner"}, "recover-password", True)
body("recover-password-reset", 0, {"requestId": "x", "code": "000000", "newPassword": "Ab1"},
     "recover-reset")
body("changes", 1, "limit=1000&since=v1.x.1.0", "changes")
body("users", 2, "00000000-0000-0000-0000-000000000000", "users")
body("content", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "content")
body("me", 3, "", "me")
body("health", 0, "", "health")
body("learners", 0, "{\"username\":\"a\",\"username\":\"b\"", "truncated")
body("attendance-match", 3, {"residentIds": ["44010619900101123X", "440106198505054321"]},
     "attendance-match")
body("attendance-match", 3, {"residentIds": ["x" * 40, 7, None]}, "attendance-match-types")
body("attachment-announce", 1, {"id": "0f8fad5b-d9cb-469f-a165-70867728950f",
                                "name": "../../证明\u202efdp.exe", "size": 10485761,
                                "sha256": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"},
     "attachment-announce")
body("attachment-content", 1, b"%PDF-1.7\n\x7fELF", "attachment-content")
body("attachment", 2, "0f8fad5b-d9cb-469f-a165-70867728950f", "attachment")
# U+0000 in text: PostgreSQL refuses it where SQLite stores it.
body("recover-password", 0, {"username": "fuzz\u0000learner"}, "nul-username")
body("session", 0, {"username": "fuzzlearner\u0000", "password": "x"}, "nul-login")
body("session", 0, "[" * 64 + "]" * 64, "deep")

MUTATION_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"
# "@me" in a body is replaced by the caller's own user id (json_bodies.cpp).
CLASS = "00000000-0000-0000-0000-000000000002"
ENROLMENT = "00000000-0000-0000-0000-000000000003"
DECLARATION = "00000000-0000-0000-0000-000000000005"
mutations = [
    (1, "profile.update", "@me", {"mobile": "13800138001", "email": "x@example.cn",
                                  "professionalSeries": "engineering", "gender": "male"}),
    (2, "profile.update", "@me", {"contactPerson": "王", "phone": "13900139001"}),
    (1, "binding.request", "00000000-0000-0000-0000-000000000001",
     {"employerId": "00000000-0000-0000-0000-000000000000", "note": "hi"}),
    (1, "binding.withdraw", "00000000-0000-0000-0000-000000000001", {}),
    (2, "binding.confirm", "00000000-0000-0000-0000-000000000001", {}),
    (2, "binding.reject", "00000000-0000-0000-0000-000000000001", {"reason": "不是本单位员工"}),
    (1, "course.select", "", {"courseId": "professional-ethics", "declarationYear": 2026}),
    (1, "course.setYear", "professional-ethics", {"declarationYear": 2027}),
    (1, "lesson.study", "", {"courseId": "professional-ethics", "lessonId": "l1",
                             "seconds": 60}),
    (1, "exam.submit", "professional-ethics", {"answers": {"q1": ["a"]},
                                               "startedAt": "2026-03-01T09:00:00Z",
                                               "finishedAt": "2026-03-01T09:10:00Z"}),
    (3, "class.save", CLASS,
     {"name": "培训班", "subjectType": "professional", "professionalSeries": "engineering",
      "mode": "offline", "regionCode": "440106", "venue": "天河路1号", "startDate": "2026-04-01",
      "endDate": "2026-04-03", "hoursTenths": 240, "capacity": 30,
      "enrolmentDeadline": "2026-03-25", "description": "说明"}),
    (3, "class.confirmHours", CLASS,
     {"entries": [{"enrolmentId": ENROLMENT, "hoursTenths": 240, "absent": False,
                   "reason": ""}]}),
    (1, "enrolment.request", ENROLMENT, {"classId": CLASS}),
    (1, "enrolment.cancel", ENROLMENT, {}),
    (3, "enrolment.confirm", ENROLMENT, {}),
    (3, "enrolment.reject", ENROLMENT, {"reason": "名额已满"}),
    (3, "class.open", CLASS, {}),
    (3, "class.close", CLASS, {}),
    (4, "organisation.approve", "00000000-0000-0000-0000-000000000004", {}),
    (4, "organisation.reject", "00000000-0000-0000-0000-000000000004", {"reason": "材料不全"}),
    (1, "declaration.save", DECLARATION,
     {"title": "环评技术培训", "organiser": "广东省环境科学学会", "startDate": "2026-02-10",
      "endDate": "2026-02-11", "trainingDays": 2, "hoursTenths": 130,
      "subjectType": "professional", "professionalSeries": "engineering-environmental"}),
    (1, "declaration.submit", DECLARATION, {}),
    (1, "declaration.withdraw", DECLARATION, {}),
    (1, "declaration.delete", DECLARATION, {}),
    (2, "declaration.confirm", DECLARATION, {}),
    (2, "declaration.reject", DECLARATION, {"reason": "证明材料不清晰"}),
]
for i, (caller, kind, target, payload) in enumerate(mutations):
    m = {"id": MUTATION_ID[:-2] + "%02x" % i, "type": kind, "target": target, "baseVersion": 1,
         "payload": payload}
    body("mutations", caller, {"mutations": [m]}, "mutation-" + kind.replace(".", "-")
         + ("-" + str(caller) if kind == "profile.update" else ""))
body("mutations", 1, {"mutations": [{"id": "not-a-uuid", "type": "", "baseVersion": -1.5,
                                     "payload": []}, 3]}, "mutations-malformed")
body("mutations", 1, {"mutations": [], "extra": 1}, "mutations-extra")

# --- sync_page: the body of GET /sync/changes the client reads ----------------------------------
page = {"changes": [
    {"seq": 2, "type": "profile", "id": "u-1", "version": 4, "op": "upsert",
     "data": {"mobile": "13800138001", "realName": "张三"}},
    {"seq": 3, "type": "region", "id": "440106", "version": 1, "op": "upsert",
     "data": {"code": "440106", "name": "天河区"}},
    {"seq": 4, "type": "note", "id": "n1", "version": 2, "op": "delete", "data": None},
], "cursor": "v1.e.1.4", "more": False, "remaining": 0}
write("sync_page", "page", json.dumps(page, ensure_ascii=False, indent=1))
write("sync_page", "more", compact(dict(page, more=True, remaining=5)))
write("sync_page", "older", compact({"changes": [
    {"seq": 5, "type": "profile", "id": "u-1", "version": 1, "op": "upsert", "data": {}}],
    "cursor": "v1.e.1.5", "more": False}))
write("sync_page", "malformed-change", compact({"changes": [
    {"type": "profile", "id": "u-1", "version": "7", "op": "upsert", "data": {}},
    {"type": "", "id": "x", "version": 1, "op": "merge"}], "cursor": "v1.e.1.6"}))
write("sync_page", "empty", compact({"changes": [], "cursor": "", "more": True}))
write("sync_page", "not-object", "[1,2,3]")
