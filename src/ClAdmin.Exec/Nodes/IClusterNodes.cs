namespace ClAdmin.Exec.Nodes;

/// <summary>
/// The nodes of the cluster configuration, in their configured order: where a C-SPOC command
/// runs when no -cspoc "-n ..." or "-g ..." narrows it, and what @all means. The store-backed
/// implementation reads the default configuration (DCD).
/// </summary>
public interface IClusterNodes
{
    IReadOnlyList<string> All();
}
