using ClAdmin.Contracts;
using ClAdmin.Menus.Model;
using ClAdmin.Menus;

namespace ClAdmin;

/// <summary>
/// Checks values given on the command line against a field's F4 list when the list is cheap:
/// a list the repository answers (<c>clmgr query ...</c>), not one that runs on nodes. A value
/// the list does not offer is refused with the choices, as the dialog's list would show them.
/// </summary>
public static class ListValidation
{
    public static async Task<IReadOnlyList<string>> CheckAsync(
        DialogValues values, IEnumerable<string> givenFieldIds, IDispatcher dispatcher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(dispatcher);
        var errors = new List<string>();
        foreach (var id in givenFieldIds)
        {
            // Lists with a postfix depend on values of earlier screens: left to the command.
            if (values.Dialog.FindField(id) is not { Op: OpType.List } field || !IsCheap(field.ListCommand)
                || field.ListMode == ListMode.Range || field.ListPostfix.Trim().Length > 0)
            {
                continue;
            }
            var value = values[field].Trim();
            if (value.Length == 0)
            {
                continue;
            }
            var result = await dispatcher.RunAsync(new CommandRequest(field.ListCommand), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                continue; // the list cannot be had: the command itself will judge the value
            }
            var choices = ListOutput.Parse(result.Stdout).Items.Select(i => i.ValueFor(field.ListMode)).Where(c => c.Length > 0).ToList();
            var given = field.MultiSelect == MultiSelect.Single ? [value] : CommandBuilder.SplitItems(value);
            var unknown = given.Where(g => !choices.Contains(g, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add($"field '{field.Label.Trim()}' ({field.Id}): {string.Join(", ", unknown.Select(u => $"'{u}'"))} is not in its list; choose from: {(choices.Count > 0 ? string.Join(", ", choices) : "(the list is empty)")}");
            }
        }
        return errors;
    }

    /// <summary>Lists answered from the repository on this machine.</summary>
    private static bool IsCheap(string listCommand) =>
        listCommand.TrimStart().StartsWith("clmgr query ", StringComparison.Ordinal);
}
