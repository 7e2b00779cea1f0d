using ClAdmin.Contracts;

namespace ClAdmin.Exec.Tests.Cspoc;

/// <summary>cl_chinet, cl_swap_IP_address, cl_pcihotplug (Communication Interface Management) and
/// cl_chsyncd on the simulator, with a node down or failing midway.</summary>
public sealed class InterfaceTests
{
    [Fact]
    public async Task Chinet_sets_the_interface_address_on_the_node_with_chdev()
    {
        var w = new CspocWorld();

        var r = await w.Run("cl_chinet -cspoc \"-n node2\" -l 'en1' -a netaddr='198.51.100.42' -a netmask='255.255.255.128' -a state='up'");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("node2: en1 changed\n", r.Stdout);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node2" && c.Argv is ["chdev", "-l", "en1", "-a", "netaddr=198.51.100.42", "-a", "netmask=255.255.255.128", "-a", "state=up"]);
        Assert.Equal("198.51.100.42\n", w.Sh("node2", "lsattr -El en1 -a netaddr -F value"));
        Assert.Equal("198.51.100.11\n", w.Sh("node1", "lsattr -El en1 -a netaddr -F value"));
    }

    [Fact]
    public async Task Chinet_with_a_bad_address_or_the_node_down_changes_nothing()
    {
        var w = new CspocWorld();

        var bad = await w.Run("cl_chinet -cspoc \"-n node2\" -l en1 -a netaddr=198.51.100.420 -a netmask=255.255.255.128 -a state=up");

        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("node2: \t0514-018 The values specified for the following attributes", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal("198.51.100.12\n", w.Sh("node2", "lsattr -El en1 -a netaddr -F value"));

        w.Node("node2").Up = false;
        var down = await w.Run("cl_chinet -cspoc \"-n node2\" -l en1 -a netaddr=198.51.100.42 -a netmask=255.255.255.128 -a state=up");
        Assert.Equal(1, down.ExitCode);
        Assert.Equal(NodeOutcome.Unreachable, CspocWorld.On(down, "node2").Outcome);

        var two = await w.Run("cl_chinet -cspoc \"-n node1,node2\" -l en1 -a netaddr=198.51.100.42");
        Assert.Equal(2, two.ExitCode);
        Assert.Contains("cl_chinet: name one node", two.Stderr, StringComparison.Ordinal);
    }

    /// <summary>node1 with the service address 192.0.2.50 (node1_svc in /etc/hosts) as an alias of en0.</summary>
    private static CspocWorld WithServiceAlias()
    {
        var w = new CspocWorld();
        w.Sh("node1", "echo '192.0.2.50      node1_svc' >> /etc/hosts");
        w.Sh("node1", "ifconfig en0 alias 192.0.2.50 netmask 255.255.255.0");
        return w;
    }

    [Fact]
    public async Task Swap_ip_moves_the_service_alias_to_the_named_interface()
    {
        var w = WithServiceAlias();

        var r = await w.Run("cl_swap_IP_address -cspoc \"-n node1\" -s 'node1_svc' -i 'node1_boot2'");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("node1: cl_swap_IP_address: 192.0.2.50 (node1_svc) moved from en0 to en1.\n", r.Stdout);
        Assert.DoesNotContain("inet 192.0.2.50 ", w.Sh("node1", "ifconfig en0"), StringComparison.Ordinal);
        Assert.Contains("\tinet 192.0.2.50 netmask 0xffffff00 broadcast 192.0.2.255\n", w.Sh("node1", "ifconfig en1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swap_ip_failing_midway_puts_the_address_back()
    {
        var w = WithServiceAlias();
        w.Transport.Refuse = c => c.Argv is ["ifconfig", "en1", "alias", ..] ? "ifconfig: ioctl (SIOCAIFADDR): File exists" : null;

        var r = await w.Run("cl_swap_IP_address -cspoc \"-n node1\" -s node1_svc -i node1_boot2");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "node1: ifconfig: ioctl (SIOCAIFADDR): File exists\nnode1: cl_swap_IP_address: undoing the change on node1: ifconfig en0 alias 192.0.2.50 netmask 255.255.255.0\n",
            r.Stderr);
        Assert.Contains("\tinet 192.0.2.50 netmask 0xffffff00 broadcast 192.0.2.255\n", w.Sh("node1", "ifconfig en0"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swap_ip_of_an_address_not_on_the_node_or_with_the_node_down_changes_nothing()
    {
        var w = new CspocWorld();
        w.Sh("node1", "echo '192.0.2.50      node1_svc' >> /etc/hosts");

        var r = await w.Run("cl_swap_IP_address -cspoc \"-n node1\" -s node1_svc -i node1_boot2");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("node1: cl_swap_IP_address: 192.0.2.50 (node1_svc) is not configured on any interface of node1.\n", r.Stderr);
        Assert.DoesNotContain(w.Transport.Seen, c => c.Argv is ["ifconfig", _, "delete" or "alias", ..]);

        w.Node("node1").Up = false;
        var down = await w.Run("cl_swap_IP_address -cspoc \"-n node1\" -s node1_svc -i node1_boot2");
        Assert.Equal(1, down.ExitCode);
        Assert.Equal(NodeOutcome.Unreachable, CspocWorld.On(down, "node1").Outcome);
    }

    [Fact]
    public async Task Pcihotplug_unconfigures_and_configures_the_interface_again_and_says_what_is_simulated()
    {
        var w = new CspocWorld();

        var r = await w.Run("cl_pcihotplug -cspoc \"-n node2\" en1");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "node2: cl_pcihotplug: en1 (198.51.100.12) unconfigured for the replacement of its adapter.\n"
            + "node2: cl_pcihotplug: no PCI slot was powered off: the simulated nodes have none (on AIX: drslot -R -c pci).\n"
            + "node2: en1 changed\n",
            r.Stdout);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node2" && c.Argv is ["ifconfig", "en1", "down", "detach"]);
        Assert.Contains("flags=1e084863", w.Sh("node2", "ifconfig en1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pcihotplug_refuses_an_interface_with_a_service_address_and_puts_it_back_when_it_cannot_configure_it()
    {
        var w = WithServiceAlias();

        var held = await w.Run("cl_pcihotplug -cspoc \"-n node1\" en0");
        Assert.Equal(1, held.ExitCode);
        Assert.Equal("node1: cl_pcihotplug: en0 holds 192.0.2.50; move it to another interface first (Swap IP Addresses between Communication Interfaces).\n", held.Stderr);

        w.Transport.Refuse = c => c.Argv[0] == "chdev" ? "Method error (/usr/lib/methods/chgif):\n\t0514-047 Cannot access a device." : null;
        var r = await w.Run("cl_pcihotplug -cspoc \"-n node1\" en1");

        Assert.Equal(1, r.ExitCode);
        Assert.EndsWith("node1: cl_pcihotplug: undoing the change on node1: ifconfig en1 198.51.100.11 netmask 255.255.255.128 up\n", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("flags=1e084863", w.Sh("node1", "ifconfig en1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chsyncd_sets_the_frequency_on_every_node()
    {
        var w = new CspocWorld();
        Assert.Equal("syncd frequency: 60\n", w.Sh("node1", "/usr/es/sbin/cluster/utilities/clchsyncd"));

        var r = await w.Run("cl_chsyncd 10");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("syncd frequency: 10\n", w.Sh("node1", "clchsyncd"));
        Assert.Equal("syncd frequency: 10\n", w.Sh("node2", "clchsyncd"));
        Assert.Contains("nohup /usr/sbin/syncd 10 > /dev/null 2>&1 &\n", w.Sh("node2", "cat /sbin/rc.boot"), StringComparison.Ordinal);
        Assert.Equal(2, (await w.Run("cl_chsyncd ten")).ExitCode);
    }

    [Fact]
    public async Task Chsyncd_failing_on_one_node_puts_the_old_frequency_back()
    {
        var w = new CspocWorld();
        w.Transport.Refuse = c => c.Node == "node2" && c.Argv is ["clchsyncd", "10"] ? "clchsyncd: cannot write /sbin/rc.boot" : null;

        var r = await w.Run("cl_chsyncd 10");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("node1: cl_chsyncd: undoing the change on node1: clchsyncd 60\nnode2: clchsyncd: cannot write /sbin/rc.boot\n", r.Stderr);
        Assert.Equal("syncd frequency: 60\n", w.Sh("node1", "clchsyncd"));

        w.Transport.Refuse = null;
        w.Node("node2").Up = false;
        var down = await w.Run("cl_chsyncd 10");
        Assert.Equal(1, down.ExitCode);
        Assert.EndsWith("cl_chsyncd: nothing was changed.\n", down.Stderr, StringComparison.Ordinal);
        Assert.Equal("syncd frequency: 60\n", w.Sh("node1", "clchsyncd"));
    }
}
