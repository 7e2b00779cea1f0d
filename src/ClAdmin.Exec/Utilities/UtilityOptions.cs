using ClAdmin.Shell;
namespace ClAdmin.Exec.Utilities;

/// <summary>
/// The utilities' flags, read with <see cref="Getopt"/>: single-letter flags (clustered, as in
/// -vs), flags taking a value (<c>-g rg</c> or <c>-grg</c>), then operands; "--" ends the flags.
/// Errors are worded as AIX's getopt words them.
/// </summary>
public sealed class UtilityOptions
{
    private readonly Getopt _getopt;

    private UtilityOptions(Getopt getopt) => _getopt = getopt;

    public IReadOnlyList<string> Operands => _getopt.Operands;

    public bool Has(char flag) => _getopt.Has(flag);

    public string? Value(char flag) => _getopt.Value(flag);

    /// <param name="flags">The flag letters; a letter followed by ':' takes a value ("vsg:").</param>
    /// <param name="error">The message when a flag is unknown or lacks its value.</param>
    public static UtilityOptions? Parse(string command, IReadOnlyList<string> args, string flags, out string? error)
    {
        var getopt = Getopt.Parse(args, flags);
        error = getopt.BadFlag is not { } bad ? null
            : getopt.BadFlagNeedsValue ? $"{command}: Flag requires a parameter: {bad}"
            : $"{command}: Not a recognized flag: {bad}";
        return error is null ? new UtilityOptions(getopt) : null;
    }
}
