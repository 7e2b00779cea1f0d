namespace ClAdmin.Sim;

/// <summary>`sim init` parameters: node count, shared disk count, seed, the demo layout, and the
/// HACMP release installed on every node (Software.SoftwareCatalog.Releases), and the nodes' names
/// (null: node1..nodeN; a snapshot's world names them as the snapshot does).</summary>
public sealed record WorldOptions(int Nodes = 2, int Disks = 4, int Seed = 1, bool Demo = false, string Hacmp = Software.SoftwareCatalog.DefaultRelease,
    IReadOnlyList<string>? NodeNames = null);
