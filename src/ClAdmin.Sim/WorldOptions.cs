namespace ClAdmin.Sim;

/// <summary>`sim init` parameters: node count, shared disk count, seed, and the demo layout.</summary>
public sealed record WorldOptions(int Nodes = 2, int Disks = 4, int Seed = 1, bool Demo = false);
