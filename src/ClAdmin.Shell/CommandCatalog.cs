using System.Reflection;
using System.Text.Json;

namespace ClAdmin.Shell;

/// <summary>What kind of implementation serves a command.</summary>
public enum CommandKind
{
    /// <summary>clmgr and clvt: the configuration interface.</summary>
    Clmgr,
    /// <summary>C-SPOC cl_* commands that fan out across nodes.</summary>
    Cspoc,
    /// <summary>Cluster utilities run on one node.</summary>
    Utility,
    /// <summary>AIX commands run on a node.</summary>
    Aix,
}

/// <summary>One command the dispatcher knows.</summary>
public sealed record KnownCommand(string Name, CommandKind Kind, string Summary);

/// <summary>
/// The one list of command names that the menus, the tree walk and the dispatcher share,
/// read from the embedded commands.json.
/// </summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, KnownCommand> _byName;

    private CommandCatalog(Dictionary<string, KnownCommand> byName) => _byName = byName;

    /// <summary>The catalog shipped with ClAdmin.</summary>
    public static CommandCatalog Default { get; } = LoadEmbedded();

    /// <summary>Every known command, by name.</summary>
    public IEnumerable<KnownCommand> Commands => _byName.Values;

    /// <summary>Looks a command up by name; paths are stripped (/usr/es/sbin/cluster/utilities/clRGinfo is clRGinfo).</summary>
    public KnownCommand? Find(string name) =>
        _byName.GetValueOrDefault(name[(name.LastIndexOf('/') + 1)..]);

    /// <summary>
    /// The command name of a command line: the first word after any leading VAR=value
    /// assignments (as in <c>_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster ...</c>),
    /// without its path. Null when the line has no command word or cannot be split.
    /// </summary>
    public static string? CommandNameOf(string commandLine)
    {
        IReadOnlyList<string> words;
        try
        {
            words = ShellWords.Split(commandLine);
        }
        catch (FormatException)
        {
            return null;
        }
        foreach (var word in words)
        {
            if (IsAssignment(word))
            {
                continue;
            }
            return word[(word.LastIndexOf('/') + 1)..];
        }
        return null;
    }

    /// <summary>True for a shell variable assignment word such as <c>_SPOC_FORCE=Y</c>.</summary>
    public static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !(char.IsAsciiLetter(word[0]) || word[0] == '_'))
        {
            return false;
        }
        for (var i = 1; i < eq; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(word[i]) || word[i] == '_'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Reads a catalog from its JSON text.</summary>
    /// <exception cref="FormatException">Malformed JSON, an unknown kind, or a duplicate name.</exception>
    public static CommandCatalog Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var byName = new Dictionary<string, KnownCommand>(StringComparer.Ordinal);
        foreach (var e in doc.RootElement.GetProperty("commands").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString() ?? throw new FormatException("command without a name");
            var kindText = e.GetProperty("kind").GetString();
            if (!Enum.TryParse<CommandKind>(kindText, ignoreCase: true, out var kind))
            {
                throw new FormatException($"command {name}: unknown kind '{kindText}'");
            }
            var summary = e.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
            if (!byName.TryAdd(name, new KnownCommand(name, kind, summary)))
            {
                throw new FormatException($"command {name} is listed twice");
            }
        }
        return new CommandCatalog(byName);
    }

    private static CommandCatalog LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ClAdmin.Shell.commands.json")
            ?? throw new InvalidOperationException("commands.json is not embedded in ClAdmin.Shell");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
