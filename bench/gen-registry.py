#!/usr/bin/env python3
"""Writes N realistic rows of admin-module's "files" table as COPY text to stdout, and the
search cases of bench/search.sh (mode, filters, request body) to CASES.

Names, descriptions and tags mix Russian and English, word frequencies are skewed (a few
words are common, most are rare), extensions / content types / sizes / dates / statuses /
retention vary, and the rows are spread over the given storage elements.
Usage: gen-registry.py N CASES SE_ID [SE_ID ...]   (deterministic: seeded)
"""
import datetime as dt
import json
import random
import sys
import uuid

N, CASES, SES = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
rnd = random.Random(20261128)

DOCS = ["report", "invoice", "contract", "agreement", "specification", "presentation", "budget", "plan", "scan",
        "photo", "memo", "minutes", "proposal", "statement", "certificate", "letter", "order", "receipt", "schedule",
        "summary", "manual", "policy", "audit", "tender", "application", "license", "diagram", "drawing", "catalog",
        "pricelist", "отчёт", "счёт", "договор", "соглашение", "спецификация", "презентация", "бюджет", "план",
        "скан", "фото", "записка", "протокол", "предложение", "выписка", "справка", "письмо", "приказ", "квитанция",
        "график", "акт", "инструкция", "положение", "аудит", "тендер", "заявление", "лицензия", "схема", "чертёж",
        "каталог", "прайс"]
QUALIFIERS = ["annual", "quarterly", "monthly", "final", "draft", "signed", "v2", "v3", "copy", "scan", "годовой",
              "квартальный", "месячный", "итоговый", "черновик", "подписанный", "копия", "новый", "исправленный"]
DEPTS = ["finance", "hr", "legal", "it", "sales", "marketing", "logistics", "procurement", "бухгалтерия", "кадры",
         "юротдел", "склад", "продажи", "закупки", "снабжение", "администрация"]
ORGS = ["Romashka", "Vector", "Alpha", "Stroyinvest", "Nord", "Ромашка", "Вектор", "Альфа", "Стройинвест",
        "Северсталь", "Техносервис", "Горизонт", "Меридиан", "Atlas", "Polaris"]
TAGS = ["finance", "legal", "hr", "urgent", "archive", "internal", "external", "signed", "draft", "confidential",
        "2021", "2022", "2023", "2024", "2025", "q1", "q2", "q3", "q4", "tax", "audit", "procurement", "sales",
        "бухгалтерия", "кадры", "срочно", "архив", "внутренний", "внешний", "подписан", "черновик", "налоги",
        "аудит", "закупки", "продажи", "договоры", "счета", "отчётность", "проект", "клиент", "поставщик",
        "важное", "копия", "оригинал", "скан", "фото", "чертежи", "схемы", "инструкции", "приказы"]
EXT = [("pdf", "application/pdf", 30), ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 18),
       ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 14), ("jpg", "image/jpeg", 12),
       ("png", "image/png", 6), ("tiff", "image/tiff", 3), ("txt", "text/plain", 3), ("csv", "text/csv", 3),
       ("zip", "application/zip", 4), ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", 3),
       ("xml", "application/xml", 2), ("doc", "application/msword", 2)]
SENT_EN = ["{q} {d} of the {dep} department for {y}", "{d} from {o}, {m} {y}", "Scanned {d} signed by {o}",
           "{q} {d}: {dep}, reviewed in {m} {y}", "Copy of the {d} with {o} (contract no. {n})",
           "{d} for the {dep} team, see attached {d2}", "Draft {d} prepared for {o} about {t}"]
SENT_RU = ["{q} {d} отдела {dep} за {y} год", "{d} от {o}, {m} {y}", "Скан: {d}, подписан {o}",
           "{d} по договору № {n} с {o}", "{q} {d} для отдела {dep}, см. также {d2}",
           "Копия: {d} ({o}), {m} {y}", "Проект {d} для {o} по теме «{t}»"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MONTHS_RU = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
             "декабрь"]
USERS = ["sa_ingester_%06x" % rnd.getrandbits(24) for _ in range(12)] + ["ivanov", "petrova", "smith", "jones",
                                                                        "sidorov", "kuznetsova", "brown", "wilson"]


def zipf_weights(n, s=1.0):
    return [1.0 / (i + 1) ** s for i in range(n)]


W_DOCS, W_Q, W_DEPT, W_ORG, W_TAG = (zipf_weights(len(x)) for x in (DOCS, QUALIFIERS, DEPTS, ORGS, TAGS))
W_EXT = [e[2] for e in EXT]
START = dt.datetime(2019, 1, 1, tzinfo=dt.timezone.utc)
SPAN = int((dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc) - START).total_seconds())


def pick(seq, w):
    return rnd.choices(seq, weights=w, k=1)[0]


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def array(items):
    return "{" + ",".join('"' + t.replace('"', '\\"') + '"' for t in items) + "}"


exact_names = []
out = sys.stdout
lines = []
for i in range(N):
    ext, ctype, _ = pick(EXT, W_EXT)
    doc, dep, org = pick(DOCS, W_DOCS), pick(DEPTS, W_DEPT), pick(ORGS, W_ORG)
    at = START + dt.timedelta(seconds=rnd.randrange(SPAN))
    y, mo = at.year, at.month
    style = rnd.randrange(6)
    if style == 0:
        name = f"{doc}_{pick(QUALIFIERS, W_Q)}_{dep}_{y}-{mo:02d}_{i}.{ext}"
    elif style == 1:
        name = f"{doc} {org} {y}.{mo:02d}.{rnd.randint(1, 28):02d} №{rnd.randint(1, 9999)}.{ext}"
    elif style == 2:
        name = f"IMG_{rnd.randint(1000, 99999)}_{i}.{ext}"
    elif style == 3:
        name = f"{org}-{doc}-{pick(QUALIFIERS, W_Q)}-{i}.{ext}"
    elif style == 4:
        name = f"{y}{mo:02d}{rnd.randint(1, 28):02d}_{doc}_{dep}.{ext}"
    else:
        name = f"{doc.capitalize()} {pick(QUALIFIERS, W_Q)} ({org}) {i}.{ext}"
    ru = rnd.random() < 0.5
    tmpl = rnd.choice(SENT_RU if ru else SENT_EN)
    desc = tmpl.format(q=pick(QUALIFIERS, W_Q).capitalize(), d=doc, d2=pick(DOCS, W_DOCS), dep=dep, o=org, y=y,
                       m=(MONTHS_RU if ru else MONTHS_EN)[mo - 1], n=rnd.randint(1, 99999), t=pick(TAGS, W_TAG))
    if rnd.random() < 0.1:
        desc = None
    tags = sorted(set(rnd.choices(TAGS, weights=W_TAG, k=rnd.randint(0, 4))))
    r = rnd.random()
    status = "active" if r < 0.92 else ("deleted" if r < 0.97 else "expired")
    temporary = rnd.random() < 0.15
    ttl = rnd.randint(1, 365) if temporary else None
    expires = at + dt.timedelta(days=ttl) if temporary else None
    size = max(1, int(rnd.lognormvariate(12, 2.2)))
    fid = uuid.UUID(int=rnd.getrandbits(128), version=4)
    user = rnd.choice(USERS)
    stamp = at.strftime("%Y%m%dT%H%M%SZ")
    iso = at.isoformat()
    lines.append("\t".join([
        str(fid), esc(name), ctype, str(size), "%064x" % rnd.getrandbits(256), SES[i % len(SES)],
        f"file_{user}_{stamp}_{fid}.{ext}", user, iso, "\\N" if desc is None else esc(desc), array(tags), status,
        "temporary" if temporary else "permanent", "\\N" if ttl is None else str(ttl),
        "\\N" if expires is None else expires.isoformat(), iso, iso]))
    if status == "active" and rnd.random() < 0.0002 and len(exact_names) < 40:
        exact_names.append(name)
    if len(lines) >= 10000:
        out.write("\n".join(lines) + "\n")
        lines.clear()
out.write("\n".join(lines) + ("\n" if lines else ""))

FILTERS = {"file_extension": "pdf", "tags": ["finance"], "uploaded_after": "2023-01-01T00:00:00Z",
           "uploaded_before": "2024-12-31T23:59:59Z"}
queries = {
    "exact": exact_names[:20] + [n.upper() for n in exact_names[20:30]],
    "partial": ["report", "договор", "invoice_final", "2023-03", "Ромашка", "скан", "IMG_4242", "audit", "прайс",
                "_hr_2024", "presentation", "квитанция", "Vector-contract", "annual_finance", "протокол"],
    "fulltext": ["annual report", "договор поставки", "invoice", "отчёты", "finance audit", "подписанный акт",
                 "Ромашка", "signed contract", "квартальный бюджет", "scanned certificate", "инструкции", "tender",
                 "лицензия склад", "presentation marketing", "выписка"],
}
with open(CASES, "w", encoding="utf-8") as f:
    for mode, qs in queries.items():
        for filtered in (False, True):
            for q in qs:
                body = {"query": q, "mode": mode}
                if filtered:
                    body.update(FILTERS)
                f.write(f"{mode}\t{'with' if filtered else 'without'}\t{json.dumps(body, ensure_ascii=False)}\n")
