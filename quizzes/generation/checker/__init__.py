"""The item-writing flaw checker (ITEM_QUALITY.md): rules on one item, on the bank, across a quiz."""

from .bank import BankFinding, key_position_balance, too_many_per_fact
from .cross import Leak, cross_item_leaks
from .findings import Finding
from .single import check_item

__all__ = ["BankFinding", "Finding", "Leak", "check_item", "cross_item_leaks", "key_position_balance",
           "too_many_per_fact"]
