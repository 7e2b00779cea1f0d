namespace ClAdmin.Menus.Model;

/// <summary>sm_menu_opt.next_type and sm_name_hdr.next_type.</summary>
public enum NextType
{
    /// <summary>m: a menu.</summary>
    Menu,
    /// <summary>d: a dialog (sm_cmd_hdr).</summary>
    Dialog,
    /// <summary>n: a name selector (sm_name_hdr).</summary>
    Selector,
    /// <summary>i: information only: a blank line or a heading.</summary>
    Info,
}

/// <summary>sm_name_hdr.type: how the screen after a selector is chosen.</summary>
public enum SelectorType
{
    /// <summary>j: always next_id.</summary>
    JustNext,
    /// <summary>r: next_id followed by the value entered.</summary>
    Raw,
    /// <summary>c: next_id followed by what cmd_to_classify makes of the value.</summary>
    Cooked,
}

/// <summary>sm_cmd_opt.op_type (the clear-after-success variants are <see cref="Field.ClearAfterSuccess"/>).</summary>
public enum OpType
{
    /// <summary>n: no auxiliary operation.</summary>
    None,
    /// <summary>l: F4 lists the output of cmd_to_list.</summary>
    List,
    /// <summary>r: a ring of fixed values (Tab steps through them).</summary>
    Ring,
}

/// <summary>sm_cmd_opt.entry_type: what may be typed.</summary>
public enum EntryType
{
    /// <summary>n: nothing; display or select only.</summary>
    None,
    /// <summary>t: text.</summary>
    Text,
    /// <summary>#: digits with an optional leading sign.</summary>
    Numeric,
    /// <summary>x: hexadecimal.</summary>
    Hex,
    /// <summary>f: a file name.</summary>
    File,
    /// <summary>r: raw text; leading and trailing blanks are kept.</summary>
    Raw,
}

/// <summary>sm_cmd_opt.required: when a field goes into the command.</summary>
public enum Required
{
    /// <summary>n: only when the user changed the value first shown.</summary>
    No,
    /// <summary>y: always, even when empty.</summary>
    Yes,
    /// <summary>+: always, and it must not be blank.</summary>
    NonBlank,
    /// <summary>?: always, unless empty.</summary>
    UnlessEmpty,
}

/// <summary>sm_cmd_opt.cmd_to_list_mode: which part of a picked list line becomes the value.</summary>
public enum ListMode
{
    /// <summary>a: the whole line.</summary>
    All,
    /// <summary>1: the first field.</summary>
    First,
    /// <summary>2: the second field.</summary>
    Second,
    /// <summary>r: the list is a range, shown for information only.</summary>
    Range,
}

/// <summary>sm_cmd_opt.multi_select.</summary>
public enum MultiSelect
{
    /// <summary>"": one pick.</summary>
    Single,
    /// <summary>",": several picks joined with commas, prefix once.</summary>
    Comma,
    /// <summary>y: several picks separated by blanks, prefix once.</summary>
    Yes,
    /// <summary>m: several picks, prefix before every one.</summary>
    Multiple,
}

/// <summary>ClAdmin addition: how a field becomes the C-SPOC target option.</summary>
public enum CspocOption
{
    /// <summary>The field is an ordinary field.</summary>
    None,
    /// <summary>-cspoc "-n VALUE": the nodes to run on.</summary>
    Nodes,
    /// <summary>-cspoc "-g VALUE": the nodes of a resource group.</summary>
    ResourceGroup,
}
