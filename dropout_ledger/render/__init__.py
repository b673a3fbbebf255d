"""Paper: the page kit (`kit`), its fonts (`fonts`), Chinese line breaking (`cjk`) and the forms.

`render` turns plain data into PDF bytes and never reads the ledger (tests/test_architecture.py);
`dropout_ledger.printing` gathers each form's data and writes the file. A new form is two small
modules and one registry line:

    # render/forms/pairing.py — what the paper shows, and how
    @dataclass(frozen=True)
    class PairingData:
        school: str; teacher: str; pupil: str; class_name: str; start: str; kind: str
        goal: str; entries: Sequence[tuple[str, str, str, str, str]]

    COLUMNS = (Column("日期", 18), Column("方式", 14), Column("内容", 60, "LEFT"),
               Column("学生表现/变化", 40, "LEFT"), Column("下一步", 30, "LEFT"),
               Column("签字", 18))

    def draw(data: PairingData, imprint: Imprint) -> tuple[Form, int]:
        form = Form(imprint, title="结对帮扶记录表")          # A4 portrait; landscape=True
        form.title()
        form.unit_line(data.school, imprint.printed, unit_label="学校（盖章）：")
        form.grid((22, 40, 22, 40), [
            [label("帮扶教师"), value(data.teacher), label("结对日期"), value(data.start)],
            [label("帮扶对象"), value(data.pupil), label("班级"), value(data.class_name)],
            [label("帮扶类型"), value(data.kind), label("帮扶目标"), value(data.goal)],
        ], record=data.pupil)
        form.heading("帮扶记录")
        rows = form.table(COLUMNS, (Row([*e, ""], data.pupil) for e in data.entries),
                          blank_rows=3, min_row_mm=9)     # header repeats on every page
        with form.together():                              # never a lonely signature page
            form.signatures([("帮扶教师（签字）", ""), ("校长（签字）", "")])
            form.stamp_block(data.school)
        return form, rows

    # printing/pairing.py — the data, from the ledger (services, queries, masking)
    def build(ctx: Context, given: str) -> Built:
        student = resolve_student(ctx.ledger, given)
        ...                                                # queries.records("pairing", …)
        form, rows = draw(PairingData(...), ctx.imprint)
        return Built(form, rows, student["id"])

    # printing/__init__.py — FORMS
    FormSpec("pairing", "结对帮扶记录表", lambda c, r: pairing.build(c, r.student),
             per_student=True),

The kit gives every form the same footer (school, operator, print date, data fingerprint,
"第 X 页 共 Y 页"), embeds subsets of the bundled TrueType fonts, switches font per run for rare
characters, refuses text no font can draw (naming the record), breaks Chinese lines by the
rules, and prints missing values as empty boxes or blank lines. `printing.print_form` then
writes the file durably and records the print as an audit event; the command line
(`print FORM`) and the app call only that.
"""
