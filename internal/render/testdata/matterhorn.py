"""Machine-checkable PDF/UA-1 conditions (from the Matterhorn Protocol) for
one PDF, with pikepdf. Prints one problem per line and exits 1 if there are
any; prints a JSON summary on the last line either way.

    /usr/bin/python3 matterhorn.py FILE.pdf
"""
import json
import re
import sys

import pikepdf
from pikepdf import Name

PAINT = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI", "INLINE IMAGE"}
STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference
BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())

problems = []


def problem(msg):
    problems.append(msg)


def number_tree(node, out):
    if "/Nums" in node:
        nums = node.Nums
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        number_tree(kid, out)
    return out


def content_marks(page, pageno):
    """MCIDs on the page, checking every painting operator is marked."""
    mcids = []
    stack = []  # per open sequence: "mcid", "artifact" or None
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            kind = None
            if tag == "/Artifact":
                kind = "artifact"
            elif op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                kind = "mcid"
                if "artifact" in stack:
                    problem(f"page {pageno}: MCID {int(operands[1].MCID)} inside an artifact")
                if "mcid" in stack:
                    problem(f"page {pageno}: MCID {int(operands[1].MCID)} nested in another MCID")
                mcids.append(int(operands[1].MCID))
            stack.append(kind)
        elif op == "EMC":
            if not stack:
                problem(f"page {pageno}: EMC without BDC")
            else:
                stack.pop()
        elif op in PAINT:
            if "mcid" not in stack and "artifact" not in stack:
                problem(f"page {pageno}: {op} painted outside tagged content and artifacts")
    if stack:
        problem(f"page {pageno}: {len(stack)} marked-content sequences left open")
    return mcids


def main(path):
    pdf = pikepdf.open(path)
    summary = {"pages": len(pdf.pages)}
    if pdf.pdf_version != "1.7":
        problem(f"PDF version {pdf.pdf_version}, want 1.7")
    root = pdf.Root
    if not ("/MarkInfo" in root and bool(root.MarkInfo.get("/Marked", False))):
        problem("catalog: no /MarkInfo <</Marked true>>")
    if not str(root.get("/Lang", "")):
        problem("catalog: no /Lang")
    if not ("/ViewerPreferences" in root and bool(root.ViewerPreferences.get("/DisplayDocTitle", False))):
        problem("catalog: no /ViewerPreferences <</DisplayDocTitle true>>")
    xmp = bytes(root.Metadata.read_bytes()).decode("utf-8") if "/Metadata" in root else ""
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        problem("XMP: no pdfuaid:part 1")
    if not re.search(r"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">[^<]+</rdf:li>", xmp):
        problem("XMP: no dc:title")
    summary["pdfa"] = re.search(r"<pdfaid:part>(\d)</pdfaid:part>\s*<pdfaid:conformance>(\w)<", xmp) is not None
    if "/StructTreeRoot" not in root:
        problem("catalog: no /StructTreeRoot")
        return summary
    tree = root.StructTreeRoot
    rolemap = {str(k)[1:]: str(v)[1:] for k, v in tree.get("/RoleMap", pikepdf.Dictionary()).items()}
    for k in rolemap:
        if k in STANDARD:
            problem(f"RoleMap remaps the standard structure type /{k}")
    parent = number_tree(tree.ParentTree, {}) if "/ParentTree" in tree else {}
    if "/ParentTreeNextKey" in tree and parent and int(tree.ParentTreeNextKey) <= max(parent):
        problem("ParentTreeNextKey is not past every key")

    # walk the structure tree: what each element owns, in reading order
    owned = {}  # (page objgen, mcid) -> element objgen
    objrs = {}  # annotation objgen -> element objgen
    headings, types, spanning, langs = [], [], 0, set()
    tables = []

    def walk(elem, depth, page):
        nonlocal spanning
        s = str(elem.get("/S", ""))[1:]
        types.append(s)
        if "/Lang" in elem:
            langs.add(str(elem.Lang))
        if rolemap.get(s, s) not in STANDARD:
            problem(f"element /{s} is neither a standard structure type nor role-mapped to one")
        pg = elem.get("/Pg", page)
        kids = elem.get("/K", [])
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        pages = set()
        if re.fullmatch(r"H[1-6]", s):
            headings.append(int(s[1]))
        if s == "Figure" and not str(elem.get("/Alt", "")):
            problem("a Figure has no /Alt")
        if s == "Table":
            tables.append(elem)
        for k in kids:
            if isinstance(k, int) or (hasattr(k, "__int__") and not isinstance(k, pikepdf.Dictionary)):
                if pg is None:
                    problem(f"/{s} has an MCID but no /Pg")
                    continue
                owned[(pg.objgen, int(k))] = elem.objgen
                pages.add(pg.objgen)
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.MCR:
                kp = k.get("/Pg", pg)
                owned[(kp.objgen, int(k.MCID))] = elem.objgen
                pages.add(kp.objgen)
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.OBJR:
                objrs[k.Obj.objgen] = elem.objgen
                if s != "Link":
                    problem(f"an OBJR in /{s}, not in a Link")
            elif isinstance(k, pikepdf.Dictionary):
                if k.get("/P") is None or k.P.objgen != elem.objgen:
                    problem(f"a /{k.get('/S')} element's /P is not its parent /{s}")
                walk(k, depth + 1, pg)
        if len(pages) > 1:
            spanning += 1
        if s == "Link" and not pages:
            problem("a Link element holds no text of its own, only the annotation")

    k = tree.K
    for e in (k if isinstance(k, pikepdf.Array) else [k]):
        walk(e, 0, None)
    summary["types"] = sorted(set(types))
    summary["spanning"] = spanning
    summary["langs"] = sorted(langs)

    if not headings or headings[0] != 1:
        problem(f"headings do not start at H1: {headings[:3]}")
    for a, b in zip(headings, headings[1:]):
        if b > a + 1:
            problem(f"heading level skipped: H{a} then H{b}")
            break
    for t in tables:
        th = []

        def find(e):
            for c in (e.get("/K", []) if isinstance(e.get("/K", []), pikepdf.Array) else [e.K]):
                if isinstance(c, pikepdf.Dictionary) and "/S" in c:
                    if c.S == Name.TH:
                        th.append(c)
                    find(c)
        find(t)
        if not th:
            problem("a Table has no TH")

    # pages: every MCID in the ParentTree, pointing at the element owning it
    seen_mcids = 0
    for n, page in enumerate(pdf.pages, 1):
        mcids = content_marks(page, n)
        seen_mcids += len(mcids)
        if len(set(mcids)) != len(mcids):
            problem(f"page {n}: an MCID is used twice")
        if mcids and "/StructParents" not in page.obj:
            problem(f"page {n}: MCIDs but no /StructParents")
            continue
        if "/StructParents" in page.obj:
            arr = parent.get(int(page.obj.StructParents))
            if arr is None:
                problem(f"page {n}: /StructParents {int(page.obj.StructParents)} is not in the ParentTree")
                continue
            for m in mcids:
                if m >= len(arr) or arr[m].objgen != owned.get((page.obj.objgen, m)):
                    problem(f"page {n}: MCID {m}: the ParentTree and the structure tree disagree")
        annots = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == Name.Link]
        if annots and page.obj.get("/Tabs") != Name.S:
            problem(f"page {n}: annotations but no /Tabs /S")
        for a in annots:
            if not str(a.get("/Contents", "")):
                problem(f"page {n}: a link annotation has no /Contents")
            if a.objgen not in objrs:
                problem(f"page {n}: a link annotation has no OBJR in a Link element")
            elif "/StructParent" not in a or parent.get(int(a.StructParent)) is None or \
                    parent[int(a.StructParent)].objgen != objrs[a.objgen]:
                problem(f"page {n}: a link annotation's /StructParent does not lead to its Link")
    if seen_mcids != len(owned):
        problem(f"{seen_mcids} MCIDs on the pages, {len(owned)} in the structure tree")
    summary["mcids"] = seen_mcids
    return summary


if __name__ == "__main__":
    s = main(sys.argv[1])
    for p in problems:
        print(p)
    print(json.dumps(s))
    sys.exit(1 if problems else 0)
