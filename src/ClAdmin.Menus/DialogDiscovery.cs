using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>Why a dialog's discovery gave no values: the command that failed (its exit status
/// not 0) or whose output cannot be read (<paramref name="Unreadable"/>), and why.</summary>
public sealed record DiscoveryFailure(string Command, string Why, bool Unreadable);

/// <summary>A dialog's names once discovered (<see cref="Failure"/> null), or why not.</summary>
public sealed record DiscoveryOutcome(IReadOnlyDictionary<string, string> Values, DiscoveryFailure? Failure);

/// <summary>
/// A dialog's discovery, the one code path of every front end (<see cref="DialogFlow"/> for
/// <c>cladmin run</c> and <c>--prompt</c>, the full screens' dialog opening): the dialog's
/// <see cref="Dialog.DiscoverAlso"/> commands (only their listed names) and its own discover
/// command (with its postfix), each read as colon output, published over the name values it is given.
/// </summary>
public static class DialogDiscovery
{
    /// <summary>Whether opening the dialog runs any command.</summary>
    public static bool Discovers(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return dialog.DiscoverCommand.Length > 0 || dialog.DiscoverAlso.Count > 0;
    }

    /// <summary>Runs the dialog's discover commands in turn: the names they publish over
    /// <paramref name="nameValues"/> (the dialog's own discovery last, so it wins), or the first failure.</summary>
    public static async Task<DiscoveryOutcome> RunAsync(
        Dialog dialog, IReadOnlyDictionary<string, string> nameValues, ScreenCommandRunner run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(nameValues);
        ArgumentNullException.ThrowIfNull(run);
        var values = new Dictionary<string, string>(nameValues, StringComparer.Ordinal);
        foreach (var extra in dialog.DiscoverAlso)
        {
            var (found, failure) = await DiscoverAsync(extra.Command, run, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return new(nameValues, failure);
            }
            foreach (var name in extra.Names.Where(found.ContainsKey))
            {
                values[name] = found[name];
            }
        }
        if (dialog.DiscoverCommand.Length > 0)
        {
            var command = Postfix.Apply(dialog.DiscoverCommand, dialog.DiscoverPostfix, nameValues);
            var (found, failure) = await DiscoverAsync(command, run, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return new(nameValues, failure);
            }
            foreach (var (k, v) in found)
            {
                values[k] = v;
            }
        }
        return new(values, null);
    }

    private static async Task<(IReadOnlyDictionary<string, string> Found, DiscoveryFailure? Failure)> DiscoverAsync(
        string command, ScreenCommandRunner run, CancellationToken cancellationToken)
    {
        var none = new Dictionary<string, string>();
        var result = await run(command, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            return (none, new(command, (result.Stderr.Length > 0 ? result.Stderr : result.Stdout).Trim(), Unreadable: false));
        }
        try
        {
            return (ColonFormat.Parse(result.Stdout), null);
        }
        catch (FormatException e)
        {
            return (none, new(command, e.Message, Unreadable: true));
        }
    }
}
