using System.CommandLine;
using ClAdmin.Cluster.Odm;
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

    public static Command Odm(TextWriter output, TextWriter error)
    {
        var odm = new Command("odm", "Read and load the HACMP object classes as odmget/odmadd stanzas");

        var classArg = new Argument<string>("class") { Description = $"An object class ({string.Join(", ", OdmMapping.Classes)}) or ALL" };
        var criteria = new Option<string?>("-q") { Description = "Criteria, as odmget -q: \"attr=value [and attr=value]\"" };
        var active = new Option<bool>("--active") { Description = "Read the active configuration (ACD) instead of the default one (DCD)" };
        var get = new Command("get", "Print the objects of a class as odmget stanzas") { classArg, criteria, active };
        get.SetAction(parse => Guard(error, () =>
        {
            var cls = parse.GetValue(classArg)!;
            var all = cls.Equals("ALL", StringComparison.OrdinalIgnoreCase);
            if (!all && !OdmMapping.Classes.Contains(cls))
            {
                error.WriteLine($"cladmin odm get: \"{cls}\" is not an object class ({string.Join(", ", OdmMapping.Classes)})");
                return ExitCodes.Usage;
            }
            OdmCriteria? filter = null;
            if (parse.GetValue(criteria) is { } q && (filter = OdmCriteria.Parse(q, out var bad)) is null)
            {
                error.WriteLine($"cladmin odm get: {bad}");
                return ExitCodes.Usage;
            }
            using var repo = ObjectRepository.Open(DatabasePath(parse));
            var objects = repo.GetObjects(parse.GetValue(active) ? ConfigDirectory.Active : ConfigDirectory.Default, all ? null : cls);
            output.Write(OdmStanza.Format(objects.Where(o => filter?.Matches(o) ?? true)));
            return ExitCodes.Ok;
        }));

        var fileArg = new Argument<string>("file") { Description = "A stanza file (odmget output, or a snapshot's .odm section)" };
        var add = new Command("add", "Add the objects of a stanza file to the default configuration, in one transaction") { fileArg };
        add.SetAction(parse => Guard(error, () =>
        {
            var file = parse.GetValue(fileArg)!;
            var (objects, errors) = OdmStanza.ParseForAdd(File.ReadAllText(file));
            if (errors.Count > 0)
            {
                foreach (var e in errors)
                {
                    error.WriteLine($"{file}: {e}");
                }
                return ExitCodes.Usage;
            }
            using var repo = ObjectRepository.Open(DatabasePath(parse));
            // Read, check and write in one transaction: a concurrent writer cannot slip in between.
            var mapErrors = repo.UpdateObjects(ConfigDirectory.Default, stored =>
            {
                var merged = stored.Concat(objects).ToList();
                var (_, problems) = OdmMapping.CheckAdd(merged);
                return (problems.Count > 0 ? null : merged, problems);
            });
            if (mapErrors.Count > 0)
            {
                foreach (var e in mapErrors)
                {
                    error.WriteLine($"{file}: {e}");
                }
                return ExitCodes.Usage;
            }
            return ExitCodes.Ok;
        }));

        odm.Subcommands.Add(get);
        odm.Subcommands.Add(add);
        return odm;
    }

    private static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (StoreException e)
        {
            error.WriteLine($"cladmin: {e.Message}");
            return e.Kind is StoreErrorKind.Busy or StoreErrorKind.Full ? ExitCodes.Failed : ExitCodes.Usage;
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"cladmin: the stored configuration is damaged: {e.Message}");
            return ExitCodes.Internal;
        }
    }
}
