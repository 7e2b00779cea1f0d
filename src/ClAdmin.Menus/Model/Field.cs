namespace ClAdmin.Menus.Model;

/// <summary>One sm_cmd_opt: a dialog field or the body of a selector.</summary>
public sealed record Field
{
    /// <summary>ClAdmin's name for the field (FIELD=VALUE on the command line).</summary>
    public required string Id { get; init; }
    /// <summary>id_seq_num; fields are ordered on it as strings.</summary>
    public required string Sequence { get; init; }
    /// <summary>name: the prompt shown left of the value.</summary>
    public required string Label { get; init; }
    /// <summary>disc_field_name: the name its initial value is taken from.</summary>
    public string DiscoveryName { get; init; } = "";
    public OpType Op { get; init; }
    /// <summary>Upper-case op_type: the field is emptied after the command succeeds.</summary>
    public bool ClearAfterSuccess { get; init; }
    public EntryType Entry { get; init; } = EntryType.Text;
    /// <summary>entry_size: the most characters that may be typed; 0 for no limit.</summary>
    public int Size { get; init; }
    public Required Required { get; init; }
    /// <summary>The flag text put before the value; "--" and "--'" make it positional.</summary>
    public string Prefix { get; init; } = "";
    public string ListCommand { get; init; } = "";
    public string ListPostfix { get; init; } = "";
    public ListMode ListMode { get; init; }
    public MultiSelect MultiSelect { get; init; }
    public Ring? Ring { get; init; }
    /// <summary>The initial value of a non-ring field.</summary>
    public string Default { get; init; } = "";
    /// <summary>Never echoed, never logged; sent on standard input.</summary>
    public bool Secret { get; init; }
    public CspocOption Cspoc { get; init; }
    public string Help { get; init; } = "";
    /// <summary>True where the reference gave no field list and the field was designed.</summary>
    public bool Designed { get; init; }
    /// <summary>ClAdmin addition: what a discovered value is shown as (a display-only policy field
    /// shows "Online On Home Node Only" for OHN, as SMIT does); values not listed are shown as they are.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
    /// <summary>ClAdmin addition, SMIT's ghosting: the field is shown (and sent) only when this holds
    /// for the dialog's names (selector and discovery values); null: always.</summary>
    public FieldCondition? ShownWhen { get; init; }

    /// <summary>A positional value (prefix "--" or "--'"), added in SMIT's second pass.</summary>
    public bool IsPositional => Prefix.StartsWith("--", StringComparison.Ordinal);

    /// <summary>F4 offers a list (a command list or the ring).</summary>
    public bool HasList => Op == OpType.Ring || (Op == OpType.List && ListCommand.Length > 0);

    /// <summary>A heading line: no entry, no value, no list (drawn as plain text).</summary>
    public bool IsHeading => Entry == EntryType.None && Op == OpType.None && Default.Length == 0 && DiscoveryName.Length == 0;
}
