"""Why a package (or an enrolment file) was refused: one stable code, one Chinese sentence.

A refusal never changes the ledger (exit code 2). The code is for programs — the importer's
per-school table, tests, the county's batch report — and never changes once shipped; the
message is for the principal or the county clerk: what happened, then what to do next, in one
or two plain sentences (sync.md §b: "a one-line Chinese reason plus a next step").
"""

from __future__ import annotations

from dropout_ledger.errors import InputRefused, Problem

MESSAGES: dict[str, str] = {
    "too_large": "文件太大，不是本软件导出的同步包，或者已经损坏。请在原电脑上重新导出。",
    "not_package": "这个文件不是控辍保学台账的同步包。请选择扩展名为 .dlpkg、以 DL_ 开头的文件。",
    "not_enrollment": "这个文件不是县教育局的入网文件。请使用县教育局为本校制作的入网文件（.dlpkg）。",
    "temp_file": "这是导出时留下的临时文件（导出没有完成，或U盘拔得太早），不能导入。"
                 "请在原电脑上重新导出，看到“已写入”的提示后再拔U盘。",
    "truncated": "文件不完整（可能拔U盘太早），请在原电脑上重新导出。",
    "trailing_garbage": "文件末尾多出了不属于同步包的数据（可能复制时出错）。"
                        "请从原电脑的导出文件夹重新复制，或重新导出。",
    "bad_header": "同步包的说明部分已损坏，无法读取。请在原电脑上重新导出。",
    "noncanonical": "同步包的内容格式不规范（不是本软件写出的格式），为安全起见不予导入。"
                    "请在原电脑上用正式版本的软件重新导出。",
    "newer_format": "这个同步包由更新版本的软件导出，本机的软件读不了。请先把软件升级到最新版本，再导入。",
    "wrong_recipient": "这个文件不是发给本单位的。请把它交给收件单位导入；发给本单位的包请让对方重新导出。",
    "other_county": "这个入网文件来自另一个县（区）教育局，与本校台账登记的所属县不符。"
                    "请向本县教育局索取入网文件。",
    "unknown_sender": "发件单位未登记（未入网），不能导入。学校须先用县教育局的入网文件入网，"
                      "县里核对其指纹后才能交换数据。",
    "revoked": "发件电脑的密钥已被注销（例如电脑丢失后），不能导入。"
               "请联系县教育局；确属注销前的正常数据的，由县里管理员单独核准。",
    "key_changed": "发件单位的密钥已变更（例如重装或恢复过电脑），须先核对新指纹。"
                   "请按盖章的入网回执或电话核对六组数字并确认后，再重新导入。",
    "other_school": "签名的密钥属于另一所学校，与包上写的发件单位不符，不予导入。"
                    "请联系县教育局核查这个文件的来源。",
    "damaged": "文件已损坏（校验值不符），可能是U盘出错。请从原电脑的导出文件夹重新复制，或重新导出。",
    "bad_signature": "签名无效：可能被改动，或不是该校发出。不予导入；请在原电脑上重新导出，并联系县教育局核查。",
    "decrypt_failed": "无法解密：这个包不是用本机的密钥加密的，或已被改动。请让发件单位重新导出。",
    "bomb": "同步包解压后的数据超出上限（可能是恶意文件），不予导入。请联系县教育局核查这个文件的来源。",
    "bad_event": "同步包中有不合格的记录，整包没有导入。请在发件电脑上按以下逐行说明改正后重新导出：",
    "duplicate": "这个同步包已经导入过，本次没有任何改动。",
    "held": "这是该单位的第一个同步包，须先核对密钥指纹。请按学校盖章的入网回执或电话核对六组数字，"
            "执行“确认学校”后再重新导入；在此之前不导入任何数据。",
    "county_only_field": "学校修改了只能由县教育局维护的内容（如建档立卡名单），整包没有导入。"
                         "请在学校电脑上撤销这些修改后重新导出。",
    "fingerprint_mismatch": "指纹数字不一致，台账没有改动。请与盖章的通知或入网回执逐组核对；"
                            "仍不一致时不要继续，请打电话与对方核实。",
}
"""Every refusal code and its message. Codes are stable: programs and tests match on them."""


class PackageRefused(InputRefused):
    """A package or enrolment file was refused; nothing was changed (exit code 2).

    `code` is one of MESSAGES; `detail` is an extra Chinese sentence naming the specific file,
    school or numbers; `problems` lists bad events row by row (code "bad_event").
    """

    def __init__(self, code: str, detail: str = "", problems: list[Problem] | None = None) -> None:
        if code not in MESSAGES:
            raise ValueError(f"unknown refusal code {code!r}")
        self.code = code
        self.detail = detail
        self.problems = list(problems or [])
        lines = [MESSAGES[code] + detail]
        lines += [problem.text() for problem in self.problems[:50]]
        if len(self.problems) > 50:
            lines.append(f"……另有 {len(self.problems) - 50} 处问题未列出。")
        super().__init__("\n".join(lines))
