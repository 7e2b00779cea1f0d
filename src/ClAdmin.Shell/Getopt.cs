namespace ClAdmin.Shell;

/// <summary>
/// POSIX getopt as the AIX and C-SPOC commands read their flags: clustered flags (<c>-nC</c>),
/// values attached (<c>-y'datavg'</c> arrives as <c>-ydatavg</c>) or in the next word, options end
/// at the first operand or <c>--</c>. Keeps every flag in order so a plan can pass them on.
/// One parser for the simulated AIX commands, the C-SPOC commands and the cluster utilities.
/// </summary>
public sealed class Getopt
{
    private readonly List<(char Flag, string? Value)> _flags = [];

    public IReadOnlyList<(char Flag, string? Value)> Flags => _flags;

    public List<string> Operands { get; } = [];

    /// <summary>The first flag not in the spec, or one missing its value.</summary>
    public char? BadFlag { get; private set; }

    /// <summary>True when <see cref="BadFlag"/> is known but its value is missing.</summary>
    public bool BadFlagNeedsValue { get; private set; }

    /// <summary>Parses <paramref name="args"/> with a getopt spec such as <c>"y:s:V:C"</c>.</summary>
    public static Getopt Parse(IReadOnlyList<string> args, string spec)
    {
        var g = new Getopt();
        var i = 0;
        for (; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                i++;
                break;
            }
            if (a.Length < 2 || a[0] != '-')
            {
                break;
            }
            for (var j = 1; j < a.Length; j++)
            {
                var f = a[j];
                var at = spec.IndexOf(f, StringComparison.Ordinal);
                if (at < 0 || f == ':')
                {
                    g.BadFlag ??= f;
                    continue;
                }
                if (at + 1 >= spec.Length || spec[at + 1] != ':')
                {
                    g._flags.Add((f, null));
                    continue;
                }
                if (j + 1 < a.Length)
                {
                    g._flags.Add((f, a[(j + 1)..]));
                }
                else if (i + 1 < args.Count)
                {
                    g._flags.Add((f, args[++i]));
                }
                else if (g.BadFlag is null)
                {
                    g.BadFlag = f;
                    g.BadFlagNeedsValue = true;
                }
                break;
            }
        }
        for (; i < args.Count; i++)
        {
            g.Operands.Add(args[i]);
        }
        return g;
    }

    public bool Has(char flag) => _flags.Exists(x => x.Flag == flag);

    /// <summary>The last value given for a flag, or null.</summary>
    public string? Value(char flag) => _flags.FindLast(x => x.Flag == flag).Value;

    /// <summary>Every value given for a flag, in order (a flag may be repeated: -a x -a y).</summary>
    public IReadOnlyList<string> Values(char flag) =>
        _flags.Where(x => x.Flag == flag && x.Value is not null).Select(x => x.Value!).ToList();

    /// <summary>The flags as words again (each value in its own word), leaving out <paramref name="except"/>.</summary>
    public List<string> Words(string except = "")
    {
        var words = new List<string>();
        foreach (var (flag, value) in _flags)
        {
            if (except.Contains(flag, StringComparison.Ordinal))
            {
                continue;
            }
            words.Add("-" + flag);
            if (value is not null)
            {
                words.Add(value);
            }
        }
        return words;
    }
}
