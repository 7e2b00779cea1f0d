using System.Text;
using ClAdmin.Cluster.Odm;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.Files;
using ClAdmin.Shell;
using ClAdmin.Store;

namespace ClAdmin.Exec.Odm;

/// <summary>
/// odmget and odmadd on the HACMP object classes of the repository:
/// <c>[ODMDIR=dir] odmget [-q criteria] class...</c> prints stanzas, <c>odmadd [file...]</c> loads
/// stanza files (standard input when none is named) into the default configuration in one
/// transaction, checked as a whole, so a file with any error changes nothing. ODMDIR chooses the
/// configuration as on a cluster node: the default (DCD, the default) or the active one (ACD),
/// which only synchronization writes. Exit codes: 0, 1 (the repository is busy), 2 (a usage or
/// content error, named by file and line), 3 (the stored configuration is damaged).
/// </summary>
public sealed class OdmHandler(Func<ObjectRepository> openRepository) : ICommandHandler
{
    /// <summary>The ODMDIR that names the default configuration directory (DCD), where HACMP keeps its classes.</summary>
    public const string DefaultDirectory = "/etc/es/objrepos";

    /// <summary>The ODMDIR that names the active configuration directory (ACD), read by the running cluster.</summary>
    public const string ActiveDirectory = "/usr/es/sbin/cluster/etc/objrepos/active";

    /// <summary>The largest stanza file odmadd reads (far above a full 32-node configuration).</summary>
    public const int MaxStanzaFileBytes = 64 * 1024 * 1024;

    public IReadOnlyCollection<string> Names { get; } = ["odmget", "odmadd"];

    public Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        cancellationToken.ThrowIfCancellationRequested();
        var odmdir = invocation.Environment.GetValueOrDefault("ODMDIR", DefaultDirectory).TrimEnd('/');
        ConfigDirectory directory;
        if (odmdir == DefaultDirectory || odmdir == "/etc/objrepos")
        {
            directory = ConfigDirectory.Default;
        }
        else if (odmdir == ActiveDirectory)
        {
            directory = ConfigDirectory.Active;
        }
        else
        {
            return Task.FromResult(Error(2, $"{invocation.Name}: ODMDIR={odmdir} holds no HACMP object classes; use {DefaultDirectory} (the default configuration) or {ActiveDirectory} (the active one)."));
        }
        try
        {
            return Task.FromResult(invocation.Name == "odmget" ? Get(invocation.Arguments, directory) : Add(invocation, directory));
        }
        catch (StoreException e)
        {
            return Task.FromResult(Error(e.IsTransient ? 1 : 2, $"cladmin: {e.Message}"));
        }
        catch (InvalidDataException e)
        {
            return Task.FromResult(Error(3, $"cladmin: the stored configuration is damaged: {e.Message}"));
        }
    }

    private CommandResult Get(IReadOnlyList<string> arguments, ConfigDirectory directory)
    {
        var getopt = Getopt.Parse(arguments, "q:");
        if (getopt.BadFlag is not null)
        {
            return Error(2, "Usage: odmget [-q Criteria] ObjectClassName ...");
        }
        OdmCriteria? filter = null;
        foreach (var (_, value) in getopt.Flags)
        {
            if ((filter = OdmCriteria.Parse(value!, out var bad)) is null)
            {
                return Error(2, $"odmget: {bad}");
            }
        }
        var classes = getopt.Operands;
        if (classes.Count == 0)
        {
            return Error(2, "Usage: odmget [-q Criteria] ObjectClassName ...");
        }
        var all = classes.Count == 1 && classes[0].Equals("ALL", StringComparison.OrdinalIgnoreCase);
        if (!all && classes.FirstOrDefault(c => !OdmMapping.Classes.Contains(c)) is { } unknown)
        {
            return Error(2, $"odmget: \"{unknown}\" is not an object class ({string.Join(", ", OdmMapping.Classes)})");
        }
        using var repo = openRepository();
        var objects = all
            ? repo.GetObjects(directory)
            : classes.SelectMany(c => repo.GetObjects(directory, c)).ToList();
        return CommandResult.Local(0, OdmStanza.Format(objects.Where(o => filter?.Matches(o) ?? true)));
    }

    private CommandResult Add(CommandInvocation invocation, ConfigDirectory directory)
    {
        if (directory == ConfigDirectory.Active)
        {
            return Error(2, "odmadd: the active configuration (ACD) changes only when the cluster is synchronized; add to the default configuration and synchronize.");
        }
        var sources = new List<(string Name, string Text)>();
        if (invocation.Arguments.Count == 0)
        {
            sources.Add(("standard input", invocation.StandardInput));
        }
        foreach (var file in invocation.Arguments)
        {
            // Regular files only, and bounded: /dev/zero or a FIFO must not hang or exhaust memory.
            var (bytes, problem) = RegularFile.Read(file, MaxStanzaFileBytes, "a stanza file");
            if (bytes is null)
            {
                return Error(2, $"odmadd: cannot read {file}: {problem}");
            }
            sources.Add((file, System.Text.Encoding.UTF8.GetString(bytes)));
        }
        var objects = new List<OdmObject>();
        var stderr = new StringBuilder();
        foreach (var (name, text) in sources)
        {
            var (parsed, errors) = OdmStanza.ParseForAdd(text);
            foreach (var e in errors)
            {
                stderr.Append(name).Append(": ").Append(e).Append('\n');
            }
            objects.AddRange(parsed);
        }
        if (stderr.Length > 0)
        {
            return CommandResult.Local(2, "", stderr.ToString());
        }
        using var repo = openRepository();
        // Read, check and write in one transaction: a concurrent writer cannot slip in between.
        var problems = repo.UpdateObjects(directory, stored =>
        {
            var merged = stored.Concat(objects).ToList();
            var (_, found) = OdmMapping.CheckAdd(merged);
            return (found.Count > 0 ? null : merged, found);
        });
        var source = string.Join(", ", sources.Select(s => s.Name));
        return problems.Count == 0
            ? CommandResult.Local(0, "")
            : CommandResult.Local(2, "", string.Concat(problems.Select(p => $"{source}: {p}\n")));
    }

    private static CommandResult Error(int exitCode, string message) => CommandResult.Local(exitCode, "", message + "\n");
}
