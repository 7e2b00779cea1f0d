using ClAdmin.Menus;
using ClAdmin.Menus.Model;

namespace ClAdmin;

/// <summary>Tab completion for fast paths and FIELD= names (System.CommandLine's [suggest] directive,
/// driven by scripts/cladmin-completion.bash).</summary>
public static class Completions
{
    /// <summary>The fast paths that start with what has been typed.</summary>
    public static IEnumerable<string> Fastpaths(string? menus, string typed) =>
        (MenuDirectory.Load(menus).Tree?.Fastpaths ?? []).Where(f => f.StartsWith(typed, StringComparison.Ordinal));

    /// <summary>"id=" for each field of the dialog a fast path leads to, selector fields included.</summary>
    public static IEnumerable<string> FieldAssignments(string? menus, string? fastpath)
    {
        if (fastpath is null || MenuDirectory.Load(menus).Tree is not { } tree || tree.Resolve(fastpath) is not { } screen)
        {
            return [];
        }
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<ScreenRef>([screen]);
        while (queue.TryDequeue(out var s) && seen.Add(s.ToString()))
        {
            if (s.Kind == NextType.Selector)
            {
                var selector = tree.Selectors[s.Id];
                names.Add(selector.Field.Id + "=");
                foreach (var target in tree.TargetsOf(selector))
                {
                    queue.Enqueue(target);
                }
            }
            else if (s.Kind == NextType.Dialog)
            {
                names.AddRange(tree.Dialogs[s.Id].Fields.Where(f => !f.IsHeading).Select(f => f.Id + "="));
            }
        }
        return names.Distinct(StringComparer.Ordinal);
    }
}
