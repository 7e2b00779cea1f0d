namespace ClAdmin.Cluster.Placement;

/// <summary>The last tie-break of node-based distribution (R-SU-3 rule 4): the 7.2 text says resource group ID,
/// older texts alphabetical order.</summary>
public enum DistributionTieBreak
{
    GroupId,
    Alphabetical,
}

/// <summary>Choices that differ between releases.</summary>
public sealed record PlacementOptions(DistributionTieBreak TieBreak = DistributionTieBreak.GroupId);

/// <summary>A configuration indexed for placement, built once per configuration: groups by name, dependencies by
/// group in both directions, the location sets, each group's service networks, the acquire and release phases
/// (R-ORDER) and the order groups are decided in. Every lookup a placement makes is then constant time.</summary>
public sealed class PlacementIndex
{
    internal const int NoRank = int.MaxValue;

    public ClusterConfiguration Configuration { get; }

    internal ResourceGroup[] Groups { get; }
    internal Dictionary<string, int> GroupId { get; }
    internal int[][] Parents { get; }
    internal int[][] Children { get; }
    /// <summary>Start After: the targets a source waits for.</summary>
    internal int[][] StartAfterTargets { get; }
    /// <summary>Per group, the Online On Same Node / Same Site set it belongs to (-1 for none), and the members.</summary>
    internal int[] SameNodeSet { get; }
    internal int[] SameSiteSet { get; }
    internal int SameNodeSetCount { get; }
    internal int SameSiteSetCount { get; }
    /// <summary>The service IP networks of a group, or of its whole Online On Same Node set (they go together).</summary>
    internal string[][] Networks { get; }
    /// <summary>Online On Different Nodes priority: 0 high, 1 intermediate, 2 low, <see cref="NoRank"/> for none.</summary>
    internal int[] DifferentNodesRank { get; }
    internal Dictionary<string, int>[] NodeRank { get; }
    internal int[] AcquirePhase { get; }
    internal int[] ReleasePhase { get; }
    /// <summary>Group ids in the order they are decided: parents and Start After targets before what depends on them,
    /// higher Online On Different Nodes priority first, then the distribution tie-breaks (R-SU-3).</summary>
    internal int[] Order { get; }
    internal int[] OrderPosition { get; }
    internal Dictionary<string, string> SiteOfNode { get; }
    internal Dictionary<string, FallbackTimer> Timers { get; }

    private PlacementIndex(ClusterConfiguration c, PlacementOptions options)
    {
        Configuration = c;
        Groups = [.. c.ResourceGroups];
        var n = Groups.Length;
        GroupId = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            GroupId.TryAdd(Groups[i].Name, i);
        }
        var parents = Lists(n);
        var children = Lists(n);
        var startAfter = Lists(n);
        var stopAfter = Lists(n);
        SameNodeSet = Filled(n, -1);
        SameSiteSet = Filled(n, -1);
        DifferentNodesRank = Filled(n, NoRank);
        foreach (var d in c.Dependencies)
        {
            var ids = d.Groups.Select(g => GroupId.GetValueOrDefault(g, -1)).ToArray();
            if (ids.Any(i => i < 0))
            {
                continue;
            }
            switch (d.Kind)
            {
                case DependencyKind.ParentChild when ids.Length == 2:
                    children[ids[0]].Add(ids[1]);
                    parents[ids[1]].Add(ids[0]);
                    break;
                case DependencyKind.StartAfter when ids.Length == 2:
                    startAfter[ids[0]].Add(ids[1]);
                    break;
                case DependencyKind.StopAfter when ids.Length == 2:
                    stopAfter[ids[0]].Add(ids[1]);
                    break;
                case DependencyKind.OnlineOnSameNode:
                    Array.ForEach(ids, i => SameNodeSet[i] = SameNodeSetCount);
                    SameNodeSetCount++;
                    break;
                case DependencyKind.OnlineOnSameSite:
                    Array.ForEach(ids, i => SameSiteSet[i] = SameSiteSetCount);
                    SameSiteSetCount++;
                    break;
                case DependencyKind.OnlineOnDifferentNodes:
                    for (var k = 0; k < ids.Length; k++)
                    {
                        DifferentNodesRank[ids[k]] = k < d.HighCount ? 0 : k < d.HighCount + d.IntermediateCount ? 1 : 2;
                    }
                    break;
            }
        }
        Parents = Arrays(parents);
        Children = Arrays(children);
        StartAfterTargets = Arrays(startAfter);

        var serviceNetwork = c.ServiceIps.GroupBy(s => s.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Network, StringComparer.Ordinal);
        var own = Groups.Select(g => g.Resource(ResourceKinds.ServiceLabel).Select(l => serviceNetwork.GetValueOrDefault(l)).OfType<string>().Distinct().ToArray()).ToArray();
        var setNetworks = new HashSet<string>[SameNodeSetCount];
        for (var i = 0; i < n; i++)
        {
            if (SameNodeSet[i] >= 0)
            {
                (setNetworks[SameNodeSet[i]] ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(own[i]);
            }
        }
        var setArrays = setNetworks.Select(s => s.ToArray()).ToArray();
        Networks = [.. Enumerable.Range(0, n).Select(i => SameNodeSet[i] >= 0 ? setArrays[SameNodeSet[i]] : own[i])];
        NodeRank = [.. Groups.Select(g => g.Nodes.Select((node, i) => (node, i)).DistinctBy(x => x.node).ToDictionary(x => x.node, x => x.i, StringComparer.Ordinal))];

        // R-ORDER: acquire parents before children and Start After targets before sources; release children
        // before parents and Stop After targets before sources. NFS-mounting groups are acquired before the
        // others and released after them: each phase is split in two for that.
        var acquireAfter = Lists(n);
        var releaseAfter = Lists(n);
        for (var i = 0; i < n; i++)
        {
            acquireAfter[i].AddRange(parents[i]);
            acquireAfter[i].AddRange(startAfter[i]);
            releaseAfter[i].AddRange(children[i]);
            releaseAfter[i].AddRange(stopAfter[i]);
        }
        var level = Depths(acquireAfter);
        var release = Depths(releaseAfter);
        var nfs = Groups.Select(g => g.Resource("MOUNT_FILESYSTEM").Count > 0).ToArray();
        AcquirePhase = [.. Enumerable.Range(0, n).Select(i => (level[i] * 2) + (nfs[i] ? 0 : 1))];
        ReleasePhase = [.. Enumerable.Range(0, n).Select(i => (release[i] * 2) + (nfs[i] ? 1 : 0))];

        // R-SU-3's tie-breaks: a parent first, then a Start After target, then fewer nodes, then ID or name.
        var isTarget = new bool[n];
        foreach (var t in startAfter.SelectMany(x => x))
        {
            isTarget[t] = true;
        }
        var keys = Enumerable.Range(0, n).OrderBy(i => level[i]).ThenBy(i => DifferentNodesRank[i])
            .ThenBy(i => children[i].Count > 0 ? 0 : 1).ThenBy(i => isTarget[i] ? 0 : 1).ThenBy(i => Groups[i].Nodes.Count);
        Order = [.. options.TieBreak == DistributionTieBreak.Alphabetical ? keys.ThenBy(i => Groups[i].Name, StringComparer.Ordinal) : keys.ThenBy(i => i)];
        OrderPosition = new int[n];
        for (var k = 0; k < n; k++)
        {
            OrderPosition[Order[k]] = k;
        }
        SiteOfNode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in c.Sites)
        {
            foreach (var node in s.Nodes)
            {
                SiteOfNode.TryAdd(node, s.Name);
            }
        }
        Timers = c.FallbackTimers.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Indexes <paramref name="configuration"/> (validated or not: unknown names in dependencies are skipped).</summary>
    public static PlacementIndex Build(ClusterConfiguration configuration, PlacementOptions? options = null) =>
        new(configuration, options ?? new PlacementOptions());

    internal int Id(string group) => GroupId.GetValueOrDefault(group, -1);

    internal bool IsConcurrent(int g) => Groups[g].IsConcurrent;

    /// <summary>The longest chain of groups that must be processed before each one (0 for none); a cycle, refused
    /// by R-DEP-PC-1, is cut where it closes.</summary>
    private static int[] Depths(List<int>[] before)
    {
        var depth = Filled(before.Length, -1);
        var onPath = new bool[before.Length];
        int Visit(int g)
        {
            if (depth[g] >= 0)
            {
                return depth[g];
            }
            if (onPath[g])
            {
                return -1;
            }
            onPath[g] = true;
            var d = 0;
            foreach (var b in before[g])
            {
                d = Math.Max(d, Visit(b) + 1);
            }
            onPath[g] = false;
            return depth[g] = d;
        }
        for (var g = 0; g < before.Length; g++)
        {
            Visit(g);
        }
        return depth;
    }

    private static List<int>[] Lists(int n) => [.. Enumerable.Range(0, n).Select(_ => new List<int>())];

    private static int[][] Arrays(List<int>[] lists) => [.. lists.Select(l => l.Distinct().ToArray())];

    private static int[] Filled(int n, int value)
    {
        var a = new int[n];
        Array.Fill(a, value);
        return a;
    }
}
