namespace ClAdmin.Menus.Model;

/// <summary>
/// ClAdmin addition (menus.schema.json "discoverAlso"): one more discover command a dialog runs
/// when it opens, with no postfix, of whose colon output only <paramref name="Names"/> are
/// published (a <see cref="Field.ShownWhen"/> reads them: SITES from <c>clmgr -c query cluster</c>
/// for a dialog whose own discovery is a resource group's). The dialog's own discovery wins on a
/// name both give.
/// </summary>
public sealed record ExtraDiscovery(string Command, IReadOnlyList<string> Names);
