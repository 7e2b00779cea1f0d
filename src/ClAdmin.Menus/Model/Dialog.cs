namespace ClAdmin.Menus.Model;

/// <summary>A dialog (sm_cmd_hdr) and its fields in id_seq_num order.</summary>
public sealed record Dialog
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>cmd_to_exec: the fixed front of the command line.</summary>
    public required string Command { get; init; }
    public bool Ask { get; init; }
    /// <summary>ClAdmin addition: destructive; always asks, and scripts need --yes.</summary>
    public bool Dangerous { get; init; }
    /// <summary>exec_mode as SMIT's letter (p n i e E P N I).</summary>
    public char ExecMode { get; init; } = 'p';
    public bool Ghost { get; init; }
    public bool HasNameSelect { get; init; }
    public string DiscoverCommand { get; init; } = "";
    public string DiscoverPostfix { get; init; } = "";
    /// <summary>ClAdmin addition: more discover commands, for names the dialog's own does not give.</summary>
    public IReadOnlyList<ExtraDiscovery> DiscoverAlso { get; init; } = [];
    public required IReadOnlyList<Field> Fields { get; init; }
    public string Help { get; init; } = "";
    public bool Designed { get; init; }
    public string File { get; init; } = "";
    /// <summary>ClAdmin addition: the one transport the dialog is offered on (sim); "" for every transport.</summary>
    public string Transport { get; init; } = "";
    /// <summary>ClAdmin addition: COMMAND STATUS runs the command again every second while it is
    /// shown (a live status screen, as clstat's own display refreshes).</summary>
    public bool Live { get; init; }

    /// <summary>ARE YOU SURE? is shown before running.</summary>
    public bool Asks => Ask || Dangerous;

    /// <summary>Finds a field by its id (case-insensitive), or null.</summary>
    public Field? FindField(string id) =>
        Fields.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));
}
