namespace ClAdmin.Sim.Shell;

/// <summary>POSIX getopt as AIX commands use it: clustered flags (-ysN), values attached or in
/// the next word, options end at the first operand or "--".</summary>
internal sealed class Getopt
{
    private readonly Dictionary<char, List<string>> _values = [];

    public List<string> Operands { get; } = [];

    /// <summary>The first flag not in the spec, if any.</summary>
    public char? BadFlag { get; private set; }

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
                if (at < 0)
                {
                    g.BadFlag ??= f;
                    continue;
                }
                var takesValue = at + 1 < spec.Length && spec[at + 1] == ':';
                if (!takesValue)
                {
                    g.Add(f, "");
                    continue;
                }
                string value;
                if (j + 1 < a.Length)
                {
                    value = a[(j + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    g.BadFlag ??= f;
                    value = "";
                }
                g.Add(f, value);
                break;
            }
        }
        for (; i < args.Count; i++)
        {
            g.Operands.Add(args[i]);
        }
        return g;
    }

    public bool Has(char flag) => _values.ContainsKey(flag);

    public string? Value(char flag) => _values.TryGetValue(flag, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Values(char flag) => _values.TryGetValue(flag, out var v) ? v : [];

    private void Add(char f, string value)
    {
        if (!_values.TryGetValue(f, out var list))
        {
            _values[f] = list = [];
        }
        list.Add(value);
    }
}
