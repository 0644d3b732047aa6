#!/usr/bin/env python3
"""Writes the PDF fixtures beside this script with nothing but the standard library: three reports
with real text per page, running headers, footers and page numbers and document info (Title,
Author, CreationDate), plus the bad inputs: encrypted (RC4, user password), image-only and damaged.
The texts are our own sentences about public facts; outlets and authors are invented.
Each report's expected.json holds the gold the PDF test compares with. Outputs are committed."""
import hashlib
import json
import os
import textwrap
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def pdf_string(text):
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


class Pdf:
    def __init__(self):
        self.objects = []  # bytes of each object body, numbered from 1

    def add(self, body):
        self.objects.append(body)
        return len(self.objects)

    def write(self, path, root, info, encrypt=None):
        """encrypt: (user_password, owner_password) for the standard security handler, revision 2."""
        file_id = hashlib.md5(path.encode()).digest()
        bodies = list(self.objects)
        trailer_extra = b""
        if encrypt:
            user, owner = [(p.encode() + PAD)[:32] for p in encrypt]
            o_entry = rc4(hashlib.md5(owner).digest()[:5], user)
            perms = (-4).to_bytes(4, "little", signed=True)
            key = hashlib.md5(user + o_entry + perms + file_id).digest()[:5]
            u_entry = rc4(key, PAD)
            for n, body in enumerate(bodies, start=1):
                obj_key = hashlib.md5(key + n.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
                if b"stream\n" in body:
                    head, rest = body.split(b"stream\n", 1)
                    data = rest[: rest.rindex(b"\nendstream")]
                    bodies[n - 1] = head + b"stream\n" + rc4(obj_key, data) + b"\nendstream"
            enc = self.add(b"<< /Filter /Standard /V 1 /R 2 /O <" + o_entry.hex().encode() + b"> /U <" +
                           u_entry.hex().encode() + b"> /P -4 >>")
            bodies.append(self.objects[-1])
            trailer_extra = b" /Encrypt %d 0 R" % enc
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, body in enumerate(bodies, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n" %
                (len(bodies) + 1, root, info, file_id.hex().encode(), file_id.hex().encode(), trailer_extra, xref))
        with open(path, "wb") as f:
            f.write(out)


def stream(content, extra=b""):
    return b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def write_pages(path, count, page_ops, info, encrypt=None):
    """A PDF of `count` A4 pages in Helvetica (/F1) and Helvetica-Bold (/F2): page_ops(number)
    gives each page's content operators, `info` the document information dictionary's body."""
    pdf = Pdf()
    font = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    pages_obj = len(pdf.objects) + 1 + 2 * count  # number of the /Pages object, added last
    kids = []
    for number in range(1, count + 1):
        content = pdf.add(stream(b"\n".join(page_ops(number))))
        kids.append(pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
                            b" /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>" % (pages_obj, content, font, bold)))
    assert pdf.add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) +
                   b"] /Count %d >>" % len(kids)) == pages_obj
    root = pdf.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)
    pdf.write(path, root, pdf.add(info), encrypt)


def report(path, title, author, created, header, pages, encrypt=None):
    """pages: list of pages, each a list of (kind, text): title, byline, heading, para, bullet."""
    def page_ops(number):
        ops = [b"BT /F1 8 Tf 72 806 Td " + pdf_string(header) + b" Tj ET"]
        y = 760
        for kind, text in pages[number - 1]:
            size, face, width, lead, gap = {"title": (20, b"/F2", 44, 24, 14), "byline": (11, b"/F1", 80, 14, 12),
                                            "heading": (14, b"/F2", 60, 18, 8), "para": (11, b"/F1", 88, 14, 10),
                                            "bullet": (11, b"/F1", 84, 14, 4)}[kind]
            lines = textwrap.wrap(text, width)
            if kind == "bullet":
                lines = ["\u2022 " + lines[0]] + lines[1:]
            for k, line in enumerate(lines):
                x = 82 if kind == "bullet" and k > 0 else 72  # a list item's lines stand past its marker
                ops.append(b"BT " + face + b" %d Tf %d %d Td " % (size, x, y) + pdf_string(line) + b" Tj ET")
                y -= lead
            y -= gap
        ops.append(b"BT /F1 8 Tf 72 40 Td " + pdf_string("Northgate Policy Institute  |  northgate.example") + b" Tj ET")
        ops.append(b"BT /F1 8 Tf 500 40 Td " + pdf_string(f"Page {number} of {len(pages)}") + b" Tj ET")
        return ops
    write_pages(path, len(pages), page_ops,
                b"<< /Title " + pdf_string(title) + b" /Author " + pdf_string(author) +
                b" /Creator (make-pdfs.py) /CreationDate (D:" + created.encode() + b") >>", encrypt)


def browser_print(path, stamp, tab_title, url, pages):
    """A page printed from a browser: the print stamp and the tab's title over each page, the
    address and "n/N" under it, and no document info beyond the title."""
    def page_ops(number):
        ops = [b"BT /F1 8 Tf 30 820 Td " + pdf_string(stamp) + b" Tj ET",
               b"BT /F1 8 Tf 250 820 Td " + pdf_string(tab_title) + b" Tj ET"]
        y = 780
        for kind, text in pages[number - 1]:
            size, face, width, lead, gap = {"title": (20, b"/F2", 44, 24, 14), "byline": (11, b"/F1", 80, 14, 12),
                                            "para": (11, b"/F1", 88, 14, 10)}[kind]
            for line in textwrap.wrap(text, width):
                ops.append(b"BT " + face + b" %d Tf 72 %d Td " % (size, y) + pdf_string(line) + b" Tj ET")
                y -= lead
            y -= gap
        ops.append(b"BT /F1 8 Tf 30 20 Td " + pdf_string(url) + b" Tj ET")
        ops.append(b"BT /F1 8 Tf 540 20 Td " + pdf_string(f"{number}/{len(pages)}") + b" Tj ET")
        return ops
    write_pages(path, len(pages), page_ops, b"<< /Title " + pdf_string(tab_title) + b" /Creator (make-pdfs.py) >>")


def image_only(path):
    pdf = Pdf()
    w = h = 64
    pixels = bytes((x * 4) % 256 for y in range(h) for x in range(w))
    image = pdf.add(stream(zlib.compress(pixels), b" /Type /XObject /Subtype /Image /Width 64 /Height 64"
                                                  b" /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"))
    content = pdf.add(stream(b"q 451 0 0 698 72 72 cm /Im1 Do Q"))
    page = pdf.add(b"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
                   b" /Resources << /XObject << /Im1 %d 0 R >> >> >>" % (content, image))
    pages = pdf.add(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    root = pdf.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
    info = pdf.add(b"<< /Title (Scanned clipping) /CreationDate (D:20240301120000Z) >>")
    pdf.write(path, root, info)


def body_of(pages):
    body = []
    for items in pages:
        for kind, text in items:
            if kind in ("heading", "para", "bullet"):
                body.append(text)
    return body


REPORTS = {
    "brief-genai-patents": dict(
        title="Generative AI Patents: What the WIPO Landscape Shows", author="Sofia Marchetti",
        created="20240715093000Z", header="Northgate Policy Institute  -  Brief No. 12", pages=[
            [("title", "Generative AI Patents: What the WIPO Landscape Shows"),
             ("byline", "By Sofia Marchetti"),
             ("para", "The World Intellectual Property Organization published its first patent landscape on generative AI in July 2024, covering filings made between 2014 and 2023."),
             ("para", "Inventors based in China filed about 38,000 generative AI patent families in that decade, six times more than the 6,276 families filed by inventors in the United States."),
             ("heading", "Who files"),
             ("para", "Tencent, Ping An Insurance and Baidu were the three largest applicants, and the Chinese Academy of Sciences ranked fourth.")],
            [("para", "IBM was the only American company among the top five applicants, while Alphabet and Microsoft ranked further down the list."),
             ("heading", "Reading the numbers"),
             ("bullet", "Patent families count inventions, not their commercial value."),
             ("bullet", "Many Chinese families are filed only at the national office."),
             ("para", "The landscape therefore shows where research effort goes rather than who leads in deployed products.")],
        ]),
    "survey-adoption": dict(
        title="Generative AI at Work: A Survey Note", author="Daniel Okafor",
        created="20240720140000Z", header="Eastbound Analytics  -  Survey Note", pages=[
            [("title", "Generative AI at Work: A Survey Note"),
             ("byline", "By Daniel Okafor"),
             ("para", "A survey of 1,600 organisations commissioned by SAS and carried out by Coleman Parkes found that 83% of Chinese respondents used generative AI."),
             ("para", "The share in the United States was 65%, and the average across all countries in the survey was 54%.")],
            [("heading", "Caveats"),
             ("para", "Respondents reported their own use, so the figures measure adoption as managers see it rather than production workloads."),
             ("para", "The survey also found that Chinese organisations expected to spend more on generative AI in the following financial year.")],
            [("heading", "Conclusion"),
             ("para", "The gap between China and the United States is large enough that it is unlikely to be an artefact of wording alone.")],
        ]),
    "memo-export-controls": dict(
        title="Export Controls on AI Chips: A Timeline", author="Priya Raman",
        created="20241205100000Z", header="Meridian Research Memo  -  Chips", pages=[
            [("title", "Export Controls on AI Chips: A Timeline"),
             ("byline", "By Priya Raman"),
             ("para", "On October 7, 2022, the US Commerce Department restricted exports of advanced AI chips and chipmaking tools to China."),
             ("para", "Nvidia responded by designing the A800 and H800, slower versions of its data centre processors that met the thresholds of the first rules."),
             ("para", "An update on October 17, 2023, closed that gap and covered the A800 and H800 as well, after which Nvidia offered the H20 to Chinese")],
            [("para", "customers instead."),
             ("para", "In December 2024 the department added controls on high-bandwidth memory and placed 140 more entities on its trade restriction list.")],
        ]),
}

for name, r in REPORTS.items():
    report(os.path.join(HERE, name + ".pdf"), r["title"], r["author"], r["created"], r["header"], r["pages"])
    created = r["created"]
    expected = {"title": r["title"], "author": r["author"],
                "published": f"{created[0:4]}-{created[4:6]}-{created[6:8]}", "pages": len(r["pages"]),
                "body": body_of(r["pages"])}
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write("\n")

browser_print(os.path.join(HERE, "browser-print.pdf"), "3/11/25, 4:07 PM",
              "Tidal turbines go online off Orkney - Coastline Weekly",
              "https://coastline.example/energy/2025/03/tidal-turbines-orkney", [
                  [("title", "Tidal turbines go online off Orkney"),
                   ("byline", "By Maren Lowe"),
                   ("para", "Four tidal turbines began sending power to the grid off Orkney on Monday, the operator said, "
                            "after two years of trials in the channel between the islands."),
                   ("para", "The array can supply about 7,000 homes when the tide runs at full strength, and the "
                            "company plans to add six more machines by the end of next year.")]])
with open(os.path.join(HERE, "browser-print.json"), "w", encoding="utf-8") as f:
    json.dump({"title": "Tidal turbines go online off Orkney", "author": "Maren Lowe", "published": "",
               "outlet": "Coastline Weekly", "pages": 1, "body": [
                   "Four tidal turbines began sending power to the grid off Orkney on Monday, the operator said, "
                   "after two years of trials in the channel between the islands.",
                   "The array can supply about 7,000 homes when the tide runs at full strength, and the company "
                   "plans to add six more machines by the end of next year."]}, f, ensure_ascii=False, indent=2)
    f.write("\n")

bad = os.path.join(HERE, "bad")
os.makedirs(bad, exist_ok=True)
r = REPORTS["survey-adoption"]
report(os.path.join(bad, "encrypted.pdf"), r["title"], r["author"], r["created"], r["header"], r["pages"],
       encrypt=("reader-secret", "owner-secret"))
image_only(os.path.join(bad, "image-only.pdf"))
with open(os.path.join(HERE, "brief-genai-patents.pdf"), "rb") as f:
    whole = f.read()
with open(os.path.join(bad, "damaged.pdf"), "wb") as f:  # the header, then the middle of the file lost
    f.write(whole[:9] + bytes(range(256)) * 4)
