using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>The AIX commands a simulated node knows, by name.</summary>
internal static class CommandTable
{
    private static readonly Dictionary<string, Func<CommandContext, int>> Table = Build();

    private static readonly string[] SystemDirs = ["/usr/sbin/", "/usr/bin/", "/bin/", "/sbin/", "/etc/", "/usr/es/sbin/cluster/utilities/", "/usr/sbin/rsct/bin/"];

    public static bool TryGet(string name, out Func<CommandContext, int> handler) =>
        Table.TryGetValue(name, out handler!);

    /// <summary>The command was typed with the directory AIX installs it in.</summary>
    public static bool IsSystemPath(string word) => SystemDirs.Any(d => word.StartsWith(d, StringComparison.Ordinal));

    public static IReadOnlyCollection<string> Names => Table.Keys;

    private static Dictionary<string, Func<CommandContext, int>> Build()
    {
        var t = new Dictionary<string, Func<CommandContext, int>>(StringComparer.Ordinal);
        LvmCommands.Register(t);
        LvmQueries.Register(t);
        MirrorCommands.Register(t);
        DeviceCommands.Register(t);
        SyncdCommand.Register(t);
        FsCommands.Register(t);
        UserCommands.Register(t);
        SrcCommands.Register(t);
        NetCommands.Register(t);
        MiscCommands.Register(t);
        SoftwareCommands.Register(t);
        ConversionCommands.Register(t);
        FileCommands.Register(t);
        Filters.Register(t);
        EventSummaryCommand.Register(t);
        RsctCommands.Register(t);
        PasswordCommands.Register(t);
        OdmNodeCommands.Register(t);
        LogCommands.Register(t);
        DiagCommands.Register(t);
        return t;
    }
}
