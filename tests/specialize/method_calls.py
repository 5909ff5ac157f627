# Every method of the built-in types, called hot: each PRECALL must become the member CPython 3.11 picks.
def f_str_split():
    for i in range(20):
        x = "a,b,c"
        r = x.split(",")

def f_str_rsplit():
    for i in range(20):
        x = "a,b,c"
        r = x.rsplit(",")

def f_str_join():
    for i in range(20):
        x = "a,b,c"
        r = x.join(["x","y"])

def f_str_strip():
    for i in range(20):
        x = "a,b,c"
        r = x.strip()

def f_str_lstrip():
    for i in range(20):
        x = "a,b,c"
        r = x.lstrip()

def f_str_rstrip():
    for i in range(20):
        x = "a,b,c"
        r = x.rstrip()

def f_str_replace():
    for i in range(20):
        x = "a,b,c"
        r = x.replace("a","b")

def f_str_find():
    for i in range(20):
        x = "a,b,c"
        r = x.find("b")

def f_str_rfind():
    for i in range(20):
        x = "a,b,c"
        r = x.rfind("b")

def f_str_index():
    for i in range(20):
        x = "a,b,c"
        r = x.index("b")

def f_str_rindex():
    for i in range(20):
        x = "a,b,c"
        r = x.rindex("b")

def f_str_count():
    for i in range(20):
        x = "a,b,c"
        r = x.count("a")

def f_str_startswith():
    for i in range(20):
        x = "a,b,c"
        r = x.startswith("a")

def f_str_endswith():
    for i in range(20):
        x = "a,b,c"
        r = x.endswith("c")

def f_str_upper():
    for i in range(20):
        x = "a,b,c"
        r = x.upper()

def f_str_lower():
    for i in range(20):
        x = "a,b,c"
        r = x.lower()

def f_str_title():
    for i in range(20):
        x = "a,b,c"
        r = x.title()

def f_str_capitalize():
    for i in range(20):
        x = "a,b,c"
        r = x.capitalize()

def f_str_swapcase():
    for i in range(20):
        x = "a,b,c"
        r = x.swapcase()

def f_str_casefold():
    for i in range(20):
        x = "a,b,c"
        r = x.casefold()

def f_str_isdigit():
    for i in range(20):
        x = "a,b,c"
        r = x.isdigit()

def f_str_isalpha():
    for i in range(20):
        x = "a,b,c"
        r = x.isalpha()

def f_str_isalnum():
    for i in range(20):
        x = "a,b,c"
        r = x.isalnum()

def f_str_isspace():
    for i in range(20):
        x = "a,b,c"
        r = x.isspace()

def f_str_isupper():
    for i in range(20):
        x = "a,b,c"
        r = x.isupper()

def f_str_islower():
    for i in range(20):
        x = "a,b,c"
        r = x.islower()

def f_str_isnumeric():
    for i in range(20):
        x = "a,b,c"
        r = x.isnumeric()

def f_str_isdecimal():
    for i in range(20):
        x = "a,b,c"
        r = x.isdecimal()

def f_str_isidentifier():
    for i in range(20):
        x = "a,b,c"
        r = x.isidentifier()

def f_str_istitle():
    for i in range(20):
        x = "a,b,c"
        r = x.istitle()

def f_str_center():
    for i in range(20):
        x = "a,b,c"
        r = x.center(9)

def f_str_ljust():
    for i in range(20):
        x = "a,b,c"
        r = x.ljust(9)

def f_str_rjust():
    for i in range(20):
        x = "a,b,c"
        r = x.rjust(9)

def f_str_zfill():
    for i in range(20):
        x = "a,b,c"
        r = x.zfill(9)

def f_str_partition():
    for i in range(20):
        x = "a,b,c"
        r = x.partition(",")

def f_str_rpartition():
    for i in range(20):
        x = "a,b,c"
        r = x.rpartition(",")

def f_str_splitlines():
    for i in range(20):
        x = "a,b,c"
        r = x.splitlines()

def f_str_expandtabs():
    for i in range(20):
        x = "a,b,c"
        r = x.expandtabs()

def f_str_removeprefix():
    for i in range(20):
        x = "a,b,c"
        r = x.removeprefix("a")

def f_str_removesuffix():
    for i in range(20):
        x = "a,b,c"
        r = x.removesuffix("c")

def f_str_format():
    for i in range(20):
        x = "a,b,c"
        r = x.format()

def f_list_extend():
    for i in range(20):
        x = [3, 1, 2]
        r = x.extend([])

def f_list_insert():
    for i in range(20):
        x = [3, 1, 2]
        r = x.insert(0, 5)

def f_list_pop():
    for i in range(20):
        x = [3, 1, 2]
        r = x.pop()

def f_list_index():
    for i in range(20):
        x = [3, 1, 2]
        r = x.index(1)

def f_list_count():
    for i in range(20):
        x = [3, 1, 2]
        r = x.count(1)

def f_list_sort():
    for i in range(20):
        x = [3, 1, 2]
        r = x.sort()

def f_list_reverse():
    for i in range(20):
        x = [3, 1, 2]
        r = x.reverse()

def f_list_copy():
    for i in range(20):
        x = [3, 1, 2]
        r = x.copy()

def f_dict_get():
    for i in range(20):
        x = {"a": 1}
        r = x.get("a")

def f_dict_keys():
    for i in range(20):
        x = {"a": 1}
        r = x.keys()

def f_dict_values():
    for i in range(20):
        x = {"a": 1}
        r = x.values()

def f_dict_items():
    for i in range(20):
        x = {"a": 1}
        r = x.items()

def f_dict_setdefault():
    for i in range(20):
        x = {"a": 1}
        r = x.setdefault("a", 0)

def f_dict_pop():
    for i in range(20):
        x = {"a": 1}
        r = x.pop("z", 0)

def f_dict_update():
    for i in range(20):
        x = {"a": 1}
        r = x.update({})

def f_dict_copy():
    for i in range(20):
        x = {"a": 1}
        r = x.copy()

def f_set_add():
    for i in range(20):
        x = {1, 2}
        r = x.add(3)

def f_set_discard():
    for i in range(20):
        x = {1, 2}
        r = x.discard(3)

def f_set_union():
    for i in range(20):
        x = {1, 2}
        r = x.union({5})

def f_set_intersection():
    for i in range(20):
        x = {1, 2}
        r = x.intersection({1})

def f_set_difference():
    for i in range(20):
        x = {1, 2}
        r = x.difference({1})

def f_set_issubset():
    for i in range(20):
        x = {1, 2}
        r = x.issubset({1})

def f_set_issuperset():
    for i in range(20):
        x = {1, 2}
        r = x.issuperset({1})

def f_set_isdisjoint():
    for i in range(20):
        x = {1, 2}
        r = x.isdisjoint({9})

def f_set_copy():
    for i in range(20):
        x = {1, 2}
        r = x.copy()

def f_set_update():
    for i in range(20):
        x = {1, 2}
        r = x.update({4})

def f_set_symmetric_difference():
    for i in range(20):
        x = {1, 2}
        r = x.symmetric_difference({1})

def f_tuple_count():
    for i in range(20):
        x = (1, 2, 1)
        r = x.count(1)

def f_tuple_index():
    for i in range(20):
        x = (1, 2, 1)
        r = x.index(2)

def f_int_bit_length():
    for i in range(20):
        x = (255)
        r = x.bit_length()

def f_int_bit_count():
    for i in range(20):
        x = (255)
        r = x.bit_count()

def f_float_is_integer():
    for i in range(20):
        x = (2.5)
        r = x.is_integer()

def f_float_as_integer_ratio():
    for i in range(20):
        x = (2.5)
        r = x.as_integer_ratio()

def f_float_hex():
    for i in range(20):
        x = (2.5)
        r = x.hex()

f_str_split()
f_str_rsplit()
f_str_join()
f_str_strip()
f_str_lstrip()
f_str_rstrip()
f_str_replace()
f_str_find()
f_str_rfind()
f_str_index()
f_str_rindex()
f_str_count()
f_str_startswith()
f_str_endswith()
f_str_upper()
f_str_lower()
f_str_title()
f_str_capitalize()
f_str_swapcase()
f_str_casefold()
f_str_isdigit()
f_str_isalpha()
f_str_isalnum()
f_str_isspace()
f_str_isupper()
f_str_islower()
f_str_isnumeric()
f_str_isdecimal()
f_str_isidentifier()
f_str_istitle()
f_str_center()
f_str_ljust()
f_str_rjust()
f_str_zfill()
f_str_partition()
f_str_rpartition()
f_str_splitlines()
f_str_expandtabs()
f_str_removeprefix()
f_str_removesuffix()
f_str_format()
f_list_extend()
f_list_insert()
f_list_pop()
f_list_index()
f_list_count()
f_list_sort()
f_list_reverse()
f_list_copy()
f_dict_get()
f_dict_keys()
f_dict_values()
f_dict_items()
f_dict_setdefault()
f_dict_pop()
f_dict_update()
f_dict_copy()
f_set_add()
f_set_discard()
f_set_union()
f_set_intersection()
f_set_difference()
f_set_issubset()
f_set_issuperset()
f_set_isdisjoint()
f_set_copy()
f_set_update()
f_set_symmetric_difference()
f_tuple_count()
f_tuple_index()
f_int_bit_length()
f_int_bit_count()
f_float_is_integer()
f_float_as_integer_ratio()
f_float_hex()
