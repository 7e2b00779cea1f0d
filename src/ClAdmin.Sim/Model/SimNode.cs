using System.Text;
using ClAdmin.Contracts;
namespace ClAdmin.Sim.Model;

/// <summary>One simulated AIX node (an LPAR): its identity, devices' view, ODM-like state and files.</summary>
public sealed class SimNode
{
    /// <summary>The node's name in the simulator (node1..nodeN); also its initial hostname.</summary>
    public string Name { get; set; } = "";

    public string Hostname { get; set; } = "";

    /// <summary>False after a crash: the node answers nothing until repaired.</summary>
    public bool Up { get; set; } = true;

    /// <summary>Eight hex digits that start every PVID and VGID this node creates (its CPU id).</summary>
    public string MachineId { get; set; } = "";

    /// <summary>Node number in the cluster (lsvg "Node ID:"), 1-based.</summary>
    public int NodeNumber { get; set; }

    public List<NetInterface> Interfaces { get; init; } = [];

    public List<SrcSubsystem> Subsystems { get; init; } = [];

    public List<SimUser> Users { get; init; } = [];

    public List<SimGroup> Groups { get; init; } = [];

    /// <summary>Files by absolute path. Directories are listed in <see cref="Directories"/>.</summary>
    public SortedDictionary<string, SimFile> Files { get; init; } = new(StringComparer.Ordinal);

    public SortedSet<string> Directories { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Volume groups this node's ODM knows (imported), by VGID.</summary>
    public List<NodeVolumeGroup> VolumeGroups { get; init; } = [];

    /// <summary>/etc/filesystems stanzas, in file order.</summary>
    public List<FsStanza> FileSystems { get; init; } = [];

    /// <summary>Mounted file systems in mount order.</summary>
    public List<MountEntry> Mounts { get; init; } = [];

    /// <summary>Application processes started by scripts (see <see cref="SimProcess"/>).</summary>
    public List<SimProcess> Processes { get; init; } = [];

    public NodeMetrics Metrics { get; set; } = new();

    private Deferred<NodeSoftware> _software = new(new());

    /// <summary>The installed software (lslpp, lppchk, installp, oslevel). A loaded world reads it
    /// from its stored JSON on first use (see <see cref="Deferred{T}"/>): most commands never look
    /// at it, and it is the largest part of a node (about 40% of the document).</summary>
    public NodeSoftware Software { get => _software.Value; set => _software.Value = value; }

    internal ref Deferred<NodeSoftware> SoftwarePart => ref _software;

    /// <summary>First line of `lssrc -ls clstrmgrES` (ST_INIT, NOT_CONFIGURED, ST_STABLE...).
    /// Owned by the simulated cluster manager (part 2); the AIX side only prints it.</summary>
    public string ClusterManagerState { get; set; } = "NOT_CONFIGURED";

    /// <summary>Counter that orders varyons (lsvg -o lists the most recent first).</summary>
    public int VaryOnCounter { get; set; }

    public NodeVolumeGroup? FindVgByName(string name) => VolumeGroups.Find(v => v.Name == name);

    public NodeVolumeGroup? FindVgById(string vgId) => VolumeGroups.Find(v => v.VgId == vgId);
}

/// <summary>Dynamic node priority figures (lsrsrc IBM.Host style): percentages and megabytes.</summary>
public sealed class NodeMetrics
{
    public int CpuIdlePercent { get; set; }

    public int FreeMemoryMb { get; set; }

    public int DiskBusyPercent { get; set; }
}

/// <summary>A file in a node's tree. <see cref="Mode"/> is the ls -l permission string.</summary>
/// <remarks>A store may keep the content apart from the world (<see cref="Persistence.SqliteWorldStore"/>):
/// it is then read on first use, and lines appended (logs) are kept until saved, unread and uncopied.</remarks>
public sealed class SimFile
{
    private string? _content = "";
    private StringBuilder? _tail;
    private Func<string>? _load;

    /// <summary>The whole content (read from the store on first use, when kept there).</summary>
    public string Content
    {
        get
        {
            if (_content is null)
            {
                _content = _load!();
                _load = null;
            }
            if (_tail is not null)
            {
                _content += _tail.ToString();
                _tail = null;
            }
            return _content;
        }
        set
        {
            _content = value;
            (_tail, _load, Unsaved, Replaced) = (null, null, null, true);
            Revision++;
        }
    }

    /// <summary>Adds <paramref name="text"/> at the end (as <c>&gt;&gt;</c>) without reading or copying the content.</summary>
    public void Append(string text)
    {
        (_tail ??= new StringBuilder()).Append(text);
        if (!Replaced)
        {
            (Unsaved ??= new StringBuilder()).Append(text);
        }
        Revision++;
    }

    /// <summary>Counts changes of the content (a store keeping contents apart writes it in the world's document).</summary>
    internal long Revision { get; set; }

    /// <summary>The store's row holding the content ("node/path"), or null when the store does not hold it.</summary>
    internal string? StoredKey { get; private set; }

    /// <summary>True when the content was set since the store last held it (false: at most <see cref="Unsaved"/> appended).</summary>
    internal bool Replaced { get; private set; } = true;

    /// <summary>Text appended since the store last held the content.</summary>
    internal StringBuilder? Unsaved { get; private set; }

    /// <summary>Read from a document whose store keeps the content apart ("apart":true): the store attaches it.</summary>
    internal bool Apart { get; set; }

    /// <summary>True when the content is not read yet (kept by the store).</summary>
    internal bool Unread => _content is null;

    /// <summary>The store holds the content in row <paramref name="key"/> (just loaded: read with <paramref name="load"/> on first use).</summary>
    internal void Stored(string key, Func<string>? load)
    {
        if (load is not null)
        {
            (_content, _tail, _load) = (null, null, load);
        }
        else if (_content is null)
        {
            _tail = null; // the row now ends with what was appended: the next read gets it all
        }
        (StoredKey, Replaced, Unsaved, Apart) = (key, false, null, false);
    }

    public string Mode { get; set; } = "-rw-r--r--";

    public string Owner { get; set; } = "root";

    public string Group { get; set; } = "system";

    public DateTime Modified { get; set; }

    public bool IsExecutable => Mode.Length > 3 && Mode[3] == 'x';
}

/// <summary>A running application process, started by a daemon program of the file tree.</summary>
public sealed class SimProcess
{
    public int Pid { get; set; }

    public string Command { get; set; } = "";

    public DateTime Started { get; set; }
}

/// <summary>An SRC subsystem (lssrc). <see cref="Pid"/> is null when not running.</summary>
public sealed class SrcSubsystem
{
    public string Name { get; set; } = "";

    public string Group { get; set; } = "";

    public int? Pid { get; set; }

    public string Status { get; set; } = "inoperative";
}
