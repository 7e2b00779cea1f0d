using System.Globalization;
using ClAdmin.Cluster;

namespace ClAdmin.Exec.Clmgr;

/// <summary>What a clmgr attribute holds, and so which values it accepts.</summary>
public enum ClmgrValueKind
{
    /// <summary>An object name or a reference to one (R-NAME-1's form).</summary>
    Name,
    /// <summary>Names separated by commas or blanks.</summary>
    Names,
    /// <summary>An IP label or host name (R-NAME-2's form).</summary>
    Label,
    /// <summary>IP labels separated by commas or blanks.</summary>
    Labels,
    /// <summary>An IP label, host name or IP address (a communication path).</summary>
    Host,
    /// <summary>An IPv4 or IPv6 address.</summary>
    Address,
    /// <summary>An IPv4 netmask or an IPv6 prefix length.</summary>
    Netmask,
    /// <summary>An alternate hardware address.</summary>
    HardwareAddress,
    /// <summary>An absolute path without blanks, control characters or shell metacharacters.</summary>
    Path,
    /// <summary>Such paths separated by commas or blanks.</summary>
    Paths,
    /// <summary>File systems of a resource group: paths, or ALL.</summary>
    FileSystems,
    /// <summary>NFS mounts of a resource group: MOUNTPOINT or MOUNTPOINT;EXPORTED, separated by commas or blanks.</summary>
    NfsMounts,
    /// <summary>A device: a name such as en0 or hdisk2, or a path such as /dev/hdisk2.</summary>
    Device,
    /// <summary>One word without blanks, control characters or shell metacharacters.</summary>
    Word,
    /// <summary>Such words separated by commas or blanks.</summary>
    Words,
    /// <summary>Free text without control characters or backslashes.</summary>
    Text,
    /// <summary>A whole number.</summary>
    Number,
    /// <summary>One of the values the class lists (yes/no, a policy code...): checked where the class reads it.</summary>
    Choice,
}

/// <summary>
/// clmgr's check of each value before anything changes: the kind of value every attribute holds
/// (data), the kind of each class's object name, and the refusal, in clmgr's words:
/// <c>"VALUE" is not a valid value for "ATTR". It must be ...</c> with the value escaped
/// (<see cref="QuotedText"/>). An empty value stands for "not set" and passes; required
/// attributes are checked where the class reads them.
/// </summary>
public static class ClmgrValues
{
    /// <summary>The kind of value of every attribute add and modify accept, by attribute name.</summary>
    public static readonly IReadOnlyDictionary<string, ClmgrValueKind> Kinds = new Dictionary<string, ClmgrValueKind>(StringComparer.OrdinalIgnoreCase)
    {
        // Topology.
        ["NODES"] = ClmgrValueKind.Names,
        ["NODE"] = ClmgrValueKind.Name,
        ["SITE"] = ClmgrValueKind.Name,
        ["DOMINANCE"] = ClmgrValueKind.Choice,
        ["BACKUP_COMMUNICATIONS"] = ClmgrValueKind.Word,
        ["COMMPATH"] = ClmgrValueKind.Host,
        ["COMMUNICATION_PATH"] = ClmgrValueKind.Host,
        ["NETWORK"] = ClmgrValueKind.Name,
        ["TYPE"] = ClmgrValueKind.Choice,
        ["NETMASK"] = ClmgrValueKind.Netmask,
        ["IPALIASING"] = ClmgrValueKind.Choice,
        ["PUBLIC"] = ClmgrValueKind.Choice,
        ["HB_OFFSET"] = ClmgrValueKind.Address,
        ["INTERFACE"] = ClmgrValueKind.Device,
        ["DEVICE"] = ClmgrValueKind.Device,
        ["ADDRESS"] = ClmgrValueKind.Address,
        ["HWADDR"] = ClmgrValueKind.HardwareAddress,
        // Cluster.
        ["CLUSTER_ID"] = ClmgrValueKind.Number,
        // Network modules (failure detection rate).
        ["FAILURE_RATE"] = ClmgrValueKind.Choice,
        ["HB_INTERVAL"] = ClmgrValueKind.Number,
        ["FAILURE_CYCLE"] = ClmgrValueKind.Number,
        ["GRACE_PERIOD"] = ClmgrValueKind.Number,
        ["RG_SETTLING_TIME"] = ClmgrValueKind.Number,
        ["RG_DIST_POLICY"] = ClmgrValueKind.Choice,
        // Applications and monitors.
        ["STARTSCRIPT"] = ClmgrValueKind.Path,
        ["STOPSCRIPT"] = ClmgrValueKind.Path,
        ["STARTUP_MODE"] = ClmgrValueKind.Choice,
        ["MONITORS"] = ClmgrValueKind.Names,
        ["MODE"] = ClmgrValueKind.Choice,
        ["PROCESSES"] = ClmgrValueKind.Words,
        ["OWNER"] = ClmgrValueKind.Word,
        ["INSTANCECOUNT"] = ClmgrValueKind.Number,
        ["MONITORMETHOD"] = ClmgrValueKind.Path,
        ["MONITORINTERVAL"] = ClmgrValueKind.Number,
        ["HUNGSIGNAL"] = ClmgrValueKind.Number,
        ["STABILIZATION"] = ClmgrValueKind.Number,
        ["RESTARTCOUNT"] = ClmgrValueKind.Number,
        ["RESTARTINTERVAL"] = ClmgrValueKind.Number,
        ["FAILUREACTION"] = ClmgrValueKind.Choice,
        ["NOTIFYMETHOD"] = ClmgrValueKind.Path,
        ["CLEANUPMETHOD"] = ClmgrValueKind.Path,
        ["RESTARTMETHOD"] = ClmgrValueKind.Path,
        // Storage.
        ["PHYSICAL_VOLUMES"] = ClmgrValueKind.Words,
        ["PPART_SIZE"] = ClmgrValueKind.Number,
        ["MAJOR_NUMBER"] = ClmgrValueKind.Number,
        ["CONCURRENT_ACCESS"] = ClmgrValueKind.Choice,
        ["RESOURCE_GROUP"] = ClmgrValueKind.Name,
        ["UNITS"] = ClmgrValueKind.Number,
        ["SIZE_PER_UNIT"] = ClmgrValueKind.Choice,
        ["LV_FOR_LOG"] = ClmgrValueKind.Word,
        ["SIZE"] = ClmgrValueKind.Number,
        // File collections and fallback timers.
        ["FILES"] = ClmgrValueKind.Paths,
        ["ADD_FILES"] = ClmgrValueKind.Paths,
        ["REMOVE_FILES"] = ClmgrValueKind.Paths,
        ["DESCRIPTION"] = ClmgrValueKind.Text,
        ["SYNC_WITH_CLUSTER"] = ClmgrValueKind.Choice,
        ["SYNC_WHEN_CHANGED"] = ClmgrValueKind.Choice,
        ["REPEATS"] = ClmgrValueKind.Choice,
        ["YEAR"] = ClmgrValueKind.Number,
        ["MONTH"] = ClmgrValueKind.Number,
        ["DAY_OF_MONTH"] = ClmgrValueKind.Number,
        ["DAY_OF_WEEK"] = ClmgrValueKind.Number,
        ["HOUR"] = ClmgrValueKind.Number,
        ["MINUTE"] = ClmgrValueKind.Number,
        // Resource groups: policies, then the resources (ResourceKinds.Lists and Options).
        ["STARTUP"] = ClmgrValueKind.Choice,
        ["FALLOVER"] = ClmgrValueKind.Choice,
        ["FALLBACK"] = ClmgrValueKind.Choice,
        ["FALLBACK_AT"] = ClmgrValueKind.Name,
        ["NODE_PRIORITY_POLICY"] = ClmgrValueKind.Word,
        ["SITE_POLICY"] = ClmgrValueKind.Word,
        [ResourceKinds.ServiceLabel] = ClmgrValueKind.Labels,
        [ResourceKinds.Applications] = ClmgrValueKind.Names,
        [ResourceKinds.VolumeGroup] = ClmgrValueKind.Names,
        [ResourceKinds.ConcurrentVolumeGroup] = ClmgrValueKind.Names,
        [ResourceKinds.FileSystem] = ClmgrValueKind.FileSystems,
        ["EXPORT_FILESYSTEM"] = ClmgrValueKind.Paths,
        ["EXPORT_FILESYSTEM_V4"] = ClmgrValueKind.Paths,
        ["MOUNT_FILESYSTEM"] = ClmgrValueKind.NfsMounts,
        [ResourceKinds.Disk] = ClmgrValueKind.Words,
        ["TAPE_RESOURCES"] = ClmgrValueKind.Words,
        ["COMMUNICATION_LINKS"] = ClmgrValueKind.Words,
        ["FAST_CONNECT_SERVICES"] = ClmgrValueKind.Words,
        ["FORCED_VARYON"] = ClmgrValueKind.Word,
        ["VG_AUTO_IMPORT"] = ClmgrValueKind.Word,
        ["FSCHECK_TOOL"] = ClmgrValueKind.Word,
        ["RECOVERY_METHOD"] = ClmgrValueKind.Word,
        ["FS_BEFORE_IPADDR"] = ClmgrValueKind.Word,
        ["STABLE_STORAGE_PATH"] = ClmgrValueKind.Path,
        ["NFS_NETWORK"] = ClmgrValueKind.Name,
        ["WLM_PRIMARY"] = ClmgrValueKind.Word,
        ["WLM_SECONDARY"] = ClmgrValueKind.Word,
        ["MISC_DATA"] = ClmgrValueKind.Text,
        ["WPAR_NAME"] = ClmgrValueKind.Word,
        ["SSA_DISK_FENCING"] = ClmgrValueKind.Word,
        // Dependencies.
        ["PARENT"] = ClmgrValueKind.Name,
        ["CHILD"] = ClmgrValueKind.Name,
        ["START"] = ClmgrValueKind.Name,
        ["STOP"] = ClmgrValueKind.Name,
        ["AFTER"] = ClmgrValueKind.Name,
        ["SAME"] = ClmgrValueKind.Choice,
        ["DIFFERENT"] = ClmgrValueKind.Choice,
        ["GROUPS"] = ClmgrValueKind.Names,
        ["HIGH"] = ClmgrValueKind.Names,
        ["INTERMEDIATE"] = ClmgrValueKind.Names,
        ["LOW"] = ClmgrValueKind.Names,
        // Time Until Warning (HACMPcluster).
        ["MAX_EVENT_TIME"] = ClmgrValueKind.Number,
        ["MAX_RG_PROCESSING_TIME"] = ClmgrValueKind.Number,
        // Events (HACMPevent).
        ["NOTIFY_COMMAND"] = ClmgrValueKind.Path,
        ["PRE_EVENT_COMMAND"] = ClmgrValueKind.Names,
        ["POST_EVENT_COMMAND"] = ClmgrValueKind.Names,
        ["FILE"] = ClmgrValueKind.Path,
        ["RECOVERY_COMMAND"] = ClmgrValueKind.Path,
        ["RECOVERY_COUNTER"] = ClmgrValueKind.Number,
        // Snapshots.
        ["METHODS"] = ClmgrValueKind.Words,
        ["SAVE_LOGS"] = ClmgrValueKind.Choice,
    };

    /// <summary>The kind of a class's object name where it is not <see cref="ClmgrValueKind.Name"/>;
    /// dependencies are numbered and have none.</summary>
    public static readonly IReadOnlyDictionary<string, ClmgrValueKind> ObjectNames = new Dictionary<string, ClmgrValueKind>(StringComparer.Ordinal)
    {
        ["interface"] = ClmgrValueKind.Label,
        ["service_ip"] = ClmgrValueKind.Label,
        ["persistent_ip"] = ClmgrValueKind.Label,
        ["file_system"] = ClmgrValueKind.Path,
    };

    private static readonly string Metacharacters = string.Join(' ', Rules.ShellMetacharacters.ToCharArray());

    /// <summary>What a value of each kind must be, as the refusal says it.</summary>
    private static readonly IReadOnlyDictionary<ClmgrValueKind, string> Rule = new Dictionary<ClmgrValueKind, string>
    {
        [ClmgrValueKind.Name] = $"It must be a name of at most {Limits.MaxNameLength} letters, digits and underscores, not starting with a digit.",
        [ClmgrValueKind.Names] = $"It must be a list of names, each of at most {Limits.MaxNameLength} letters, digits and underscores, not starting with a digit.",
        [ClmgrValueKind.Label] = $"It must be an IP label or host name of at most {Limits.MaxLabelLength} letters, digits, '.', '-' and '_'.",
        [ClmgrValueKind.Labels] = $"It must be a list of IP labels, each of at most {Limits.MaxLabelLength} letters, digits, '.', '-' and '_'.",
        [ClmgrValueKind.Host] = "It must be an IP label, a host name or an IP address.",
        [ClmgrValueKind.Address] = "It must be an IPv4 or IPv6 address.",
        [ClmgrValueKind.Netmask] = "It must be a netmask such as 255.255.255.0, or a prefix length from 0 to 128.",
        [ClmgrValueKind.HardwareAddress] = "It must be a hardware address in hexadecimal digits, such as 4002ac1f0001.",
        [ClmgrValueKind.Path] = $"It must be an absolute path without blanks, control characters or any of {Metacharacters}.",
        [ClmgrValueKind.Paths] = $"It must be a list of absolute paths without blanks, control characters or any of {Metacharacters}.",
        [ClmgrValueKind.FileSystems] = $"It must be ALL or a list of absolute paths without blanks, control characters or any of {Metacharacters}.",
        [ClmgrValueKind.NfsMounts] = $"It must be a list of MOUNTPOINT or MOUNTPOINT;EXPORTED_DIRECTORY, absolute paths without blanks, control characters or any other of {Metacharacters}.",
        [ClmgrValueKind.Device] = "It must be a device name such as en0 or a device path such as /dev/hdisk2.",
        [ClmgrValueKind.Word] = $"It must be one word of at most {Limits.MaxWordLength} characters, without blanks, control characters or any of {Metacharacters}.",
        [ClmgrValueKind.Words] = $"It must be a list of words without control characters or any of {Metacharacters}.",
        [ClmgrValueKind.Text] = $"It must be text of at most {Limits.MaxTextLength} characters, without control characters or backslashes.",
        [ClmgrValueKind.Number] = "It must be a number.",
    };

    /// <summary>Refuses the first value of <paramref name="attributes"/> (and the object name
    /// <paramref name="name"/>, when given) that its kind does not accept. Attributes without a
    /// kind are left to the class, which refuses them by name.</summary>
    /// <exception cref="ClmgrException">RC_INCORRECT_INPUT, naming the attribute and the value.</exception>
    public static void Check(string className, string? name, ClmgrAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var nameKind = className == "dependency" ? (ClmgrValueKind?)null : ObjectNames.GetValueOrDefault(className, ClmgrValueKind.Name);
        if (name is not null && nameKind is { } k)
        {
            Check("NAME", name, k);
        }
        foreach (var attr in attributes.Names)
        {
            var kind = attr.Equals("NAME", StringComparison.OrdinalIgnoreCase) ? nameKind : Kinds.TryGetValue(attr, out var found) ? found : null;
            if (kind is { } known)
            {
                Check(attr.ToUpperInvariant(), attributes[attr]!, known);
            }
        }
    }

    /// <summary>Refuses <paramref name="value"/> unless it is of <paramref name="kind"/>.</summary>
    /// <exception cref="ClmgrException">RC_INCORRECT_INPUT, naming <paramref name="attr"/> and the value.</exception>
    public static void Check(string attr, string value, ClmgrValueKind kind)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && !IsValid(value, kind))
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(value)}\" is not a valid value for \"{attr}\". {Rule[kind]}");
        }
    }

    private static bool IsValid(string value, ClmgrValueKind kind) => kind switch
    {
        ClmgrValueKind.Name => Rules.IsName(value),
        ClmgrValueKind.Names => Items(value, v => Rules.IsName(v)),
        ClmgrValueKind.Label => Rules.IsLabel(value),
        ClmgrValueKind.Labels => Items(value, Rules.IsLabel),
        ClmgrValueKind.Host => Rules.IsLabel(value) || Rules.IsAddress(value),
        ClmgrValueKind.Address => Rules.IsAddress(value),
        ClmgrValueKind.Netmask => Rules.IsNetmask(value),
        ClmgrValueKind.HardwareAddress => Rules.IsHardwareAddress(value),
        ClmgrValueKind.Path => Rules.IsScriptPath(value),
        ClmgrValueKind.Paths => Items(value, Rules.IsScriptPath),
        ClmgrValueKind.FileSystems => value.Equals("ALL", StringComparison.Ordinal) || Items(value, Rules.IsScriptPath),
        ClmgrValueKind.NfsMounts => Items(value, v => v.Split(';') is { Length: 1 or 2 } parts && parts.All(Rules.IsScriptPath)),
        ClmgrValueKind.Device => Rules.IsLabel(value) || (value.StartsWith("/dev/", StringComparison.Ordinal) && Rules.IsScriptPath(value)),
        ClmgrValueKind.Word => Rules.IsWord(value),
        ClmgrValueKind.Words => Items(value, Rules.IsWord),
        ClmgrValueKind.Text => value.Length <= Limits.MaxTextLength && !value.Any(c => char.IsControl(c) || c == '\\' || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format),
        ClmgrValueKind.Number => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    /// <summary>Every item of a list (split as <see cref="ClmgrAttributes.Split"/> does) passes, and
    /// nothing but blanks and commas separates them.</summary>
    private static bool Items(string value, Func<string, bool> valid) =>
        !value.Any(c => char.IsControl(c) && c != '\t') && ClmgrAttributes.Split(value).All(valid);
}
