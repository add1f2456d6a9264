#!/usr/bin/env python3
"""scripts/make-reference-docx.py -- make data/documents/nd30-reference.docx,
the reference document pandoc takes its styles and page layout from when
`parindex report --format docx` writes a Word file.

It starts from pandoc's own default reference.docx (so it fits the pandoc
that is installed) and sets what Nghị định 30/2020/NĐ-CP, Phụ lục I asks:
A4, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New
Roman 14 pt text, justified, first line indented 1 cm, 6 pt after; headings
in the same font and size, bold, black; tables with single borders, 13 pt;
the page number centred at the top, from page 2 (the first page has an
empty header). Run it again after a pandoc upgrade:

    scripts/make-reference-docx.py [OUT]
"""
import io, re, subprocess, sys, zipfile

OUT = sys.argv[1] if len(sys.argv) > 1 else "data/documents/nd30-reference.docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>'

def style(s, sid, body):
    new, n = re.subn(r'(<w:style [^>]*w:styleId="%s"[^>]*>).*?</w:style>' % sid, lambda m: m.group(1) + body + '</w:style>', s, flags=re.S)
    if n != 1:
        sys.exit("make-reference-docx: style %s not found in pandoc's reference.docx" % sid)
    return new

def heading(n, name, italic=False, center=False):
    return ('<w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:uiPriority w:val="9"/><w:qFormat/>'
            '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60"/><w:ind w:firstLine="567"/>%s'
            '<w:outlineLvl w:val="%d"/></w:pPr><w:rPr>%s<w:b/><w:bCs/>%s<w:color w:val="000000"/><w:sz w:val="28"/>'
            '<w:szCs w:val="28"/></w:rPr>') % (name, '<w:jc w:val="center"/>' if center else '', n, FONT,
                                             '<w:i/><w:iCs/>' if italic else '')

def header(page_number):
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr %s><w:p><w:pPr><w:jc w:val="center"/>'
            '<w:rPr><w:sz w:val="26"/></w:rPr></w:pPr>%s</w:p></w:hdr>') % (W, field if page_number else '')

ref = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"], check=True, capture_output=True).stdout
zin = zipfile.ZipFile(io.BytesIO(ref))
files = {n: zin.read(n) for n in zin.namelist()}

s = files["word/styles.xml"].decode()
s = re.sub(r'<w:rPrDefault>.*?</w:rPrDefault>', '<w:rPrDefault><w:rPr>%s<w:sz w:val="28"/><w:szCs w:val="28"/>'
           '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' % FONT, s, flags=re.S)
s = re.sub(r'<w:pPrDefault>.*?</w:pPrDefault>', '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" '
           'w:lineRule="auto"/></w:pPr></w:pPrDefault>', s, flags=re.S)
s = style(s, "BodyText", '<w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:link w:val="BodyTextChar"/>'
          '<w:pPr><w:spacing w:before="0" w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:qFormat/>')
s = style(s, "Compact", '<w:name w:val="Compact"/><w:basedOn w:val="BodyText"/><w:qFormat/><w:pPr><w:spacing '
          'w:before="20" w:after="20"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="26"/>'
          '<w:szCs w:val="26"/></w:rPr>')
for n in range(1, 7):
    s = style(s, "Heading%d" % n, heading(n - 1, "Heading %d" % n, italic=(n == 4), center=(n == 1)))
s = style(s, "TableCaption", '<w:name w:val="Table Caption"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/>'
          '<w:spacing w:before="120" w:after="60"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>')
borders = ''.join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % b
                  for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
s = re.sub(r'(<w:style [^>]*w:styleId="Table"[^>]*>.*?<w:tblPr>)', lambda m: m.group(1) + '<w:tblBorders>%s</w:tblBorders>' % borders,
           s, count=1, flags=re.S)
files["word/styles.xml"] = s.encode()

d = files["word/document.xml"].decode()
sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdNd30Hdr"/><w:headerReference w:type="first" '
        'r:id="rIdNd30HdrFirst"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
        'w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>')
d, n = re.subn(r'<w:sectPr\s*/>|<w:sectPr>.*?</w:sectPr>', sect, d, flags=re.S)
if n != 1:
    sys.exit("make-reference-docx: no section properties in pandoc's reference.docx")
files["word/document.xml"] = d.encode()
files["word/header1.xml"] = header(True).encode()
files["word/header2.xml"] = header(False).encode()
rels = files["word/_rels/document.xml.rels"].decode()
hdr = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
rels = rels.replace("</Relationships>", '<Relationship Type="%s" Id="rIdNd30Hdr" Target="header1.xml"/>'
                    '<Relationship Type="%s" Id="rIdNd30HdrFirst" Target="header2.xml"/></Relationships>' % (hdr, hdr))
files["word/_rels/document.xml.rels"] = rels.encode()
ct = files["[Content_Types].xml"].decode()
ht = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
ct = ct.replace("</Types>", '<Override PartName="/word/header1.xml" ContentType="%s"/><Override '
                'PartName="/word/header2.xml" ContentType="%s"/></Types>' % (ht, ht))
files["[Content_Types].xml"] = ct.encode()

with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
    for name in zin.namelist() + ["word/header1.xml", "word/header2.xml"]:
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))   # the same bytes every run
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, files[name])
print("wrote", OUT)
