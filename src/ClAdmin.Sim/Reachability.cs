using ClAdmin.Sim.Model;

namespace ClAdmin.Sim;

/// <summary>Whether the administrator's workstation can reach a node: it must be up, and at least
/// one of its interfaces must be up on a network that is not down.</summary>
public static class Reachability
{
    public static bool IsReachable(SimWorld world, SimNode node)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(node);
        return node.Up && node.Interfaces.Any(i => InterfaceWorks(world, i));
    }

    /// <summary>An interface carries traffic: up itself and its network not failed.</summary>
    public static bool InterfaceWorks(SimWorld world, NetInterface nic)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(nic);
        return nic.Up && world.Networks.Find(n => n.Name == nic.Network) is not { Failed: true };
    }
}
