using System.CommandLine;
using ClAdmin.Cluster.Odm;
using ClAdmin.Contracts;
using ClAdmin.Exec.Odm;
using ClAdmin.Shell;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>The object repository verbs (`cladmin odm get|add`) and the global --db option.</summary>
public static class OdmCommands
{
    /// <summary>--db PATH: the database file (default $CLADMIN_DB, else the XDG state directory).</summary>
    public static Option<string?> DbOption { get; } = new("--db")
    {
        Description = "The ClAdmin database (default: $CLADMIN_DB, else $XDG_STATE_HOME/cladmin/cladmin.db or ~/.local/state/cladmin/cladmin.db)",
        Recursive = true,
    };

    public static string DatabasePath(ParseResult parse) => parse.GetValue(DbOption) ?? StorePaths.DefaultDatabase();

    /// <summary>`cladmin odm get|add`: odmget and odmadd through the dispatcher (<see cref="Exec.Odm.OdmHandler"/>),
    /// as a script on a cluster node would run them.</summary>
    public static Command Odm(ExecCommands exec, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exec);
        var odm = new Command("odm", "Read and load the HACMP object classes as odmget/odmadd stanzas");

        var classArg = new Argument<string>("class") { Description = $"An object class ({string.Join(", ", OdmMapping.Classes)}) or ALL" };
        var criteria = new Option<string?>("-q") { Description = "Criteria, as odmget -q: \"attr=value [and attr=value]\"" };
        var active = new Option<bool>("--active") { Description = "Read the active configuration (ACD) instead of the default one (DCD)" };
        var get = new Command("get", "Print the objects of a class as odmget stanzas") { classArg, criteria, active };
        get.SetAction((parse, ct) =>
        {
            var words = new List<string>();
            if (parse.GetValue(active))
            {
                words.Add("ODMDIR=" + OdmHandler.ActiveDirectory);
            }
            words.Add("odmget");
            if (parse.GetValue(criteria) is { } q)
            {
                words.AddRange(["-q", q]);
            }
            words.Add(parse.GetValue(classArg)!);
            return RunAsync(exec, parse, words, output, error, ct);
        });

        var fileArg = new Argument<string>("file") { Description = "A stanza file (odmget output, or a snapshot's .odm section)" };
        var add = new Command("add", "Add the objects of a stanza file to the default configuration, in one transaction") { fileArg };
        add.SetAction((parse, ct) => RunAsync(exec, parse, ["odmadd", parse.GetValue(fileArg)!], output, error, ct));

        odm.Subcommands.Add(get);
        odm.Subcommands.Add(add);
        return odm;
    }

    /// <summary>Runs one odm line through the runtime's dispatcher (no demo is created for it: the
    /// object classes are read and loaded as they are). Exit codes pass through: 0, 1 busy, 2 bad input, 3 damaged.</summary>
    private static async Task<int> RunAsync(ExecCommands exec, ParseResult parse, IReadOnlyList<string> words, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            await using var runtime = await Runtime.CreateAsync(exec.RuntimeOptionsOf(parse) with { CreateDemo = false }, error, ct);
            var result = await runtime.Dispatcher.RunAsync(new CommandRequest(ShellWords.Join(words)), ct);
            output.Write(result.Stdout);
            error.Write(result.Stderr);
            return Math.Clamp(result.ExitCode, ExitCodes.Ok, ExitCodes.Internal);
        }
        catch (StoreException e)
        {
            error.WriteLine($"cladmin: {e.Message}");
            return ExitCodes.Of(e);
        }
    }
}
