namespace ClAdmin.Tests;

/// <summary>A real cluster's snapshot WRITTEN BY HAND in the .odm stanza format PowerHA 5.x writes
/// (odmget stanzas, TAB-indented, with descriptors and classes ClAdmin does not keep: netaddr,
/// globalname, HACMPdaemons, HACMPlogs, an INACTIVE_TAKEOVER resource), not by our clsnapshot: three
/// nodes whose names and addresses are unlike the demo's, two networks (net_ether_02 private, /26),
/// two resource groups with different policies, a persistent label; and its .info with lspv per node
/// (the shared disks have other hdisk numbers on aixprd02).</summary>
internal static class HandWrittenSnapshot
{
    public const string Odm = """
<VER
1.0
</VER
<DSC
Before the Oracle upgrade
</DSC
<ODM
HACMPcluster:
	id = 51734
	name = "prdclu"
	nodename = "aixprd01"
	sec_level = "Standard"
	last_node_ids = "1,2,3"
	highest_node_id = 3
	last_network_ids = "1,2"
	highest_network_id = 2
	last_site_ides = " "
	highest_site_id = 0
	handle = 1
	cluster_version = 10
	reserved1 = 0
	reserved2 = 0
	wlm_subdir = " "
	settling_time = 0
	rg_distribution_policy = "node"

HACMPnode:
	name = "aixprd01"
	object = "VERBOSE_LOGGING"
	value = "high"
	node_id = 1
	node_handle = 1
	version = 10

HACMPnode:
	name = "aixprd01"
	object = "COMMUNICATION_PATH"
	value = "aixprd01"
	node_id = 1
	node_handle = 1
	version = 10

HACMPnode:
	name = "aixprd02"
	object = "COMMUNICATION_PATH"
	value = "aixprd02"
	node_id = 2
	node_handle = 2
	version = 10

HACMPnode:
	name = "aixdr01"
	object = "COMMUNICATION_PATH"
	value = "aixdr01_boot1"
	node_id = 3
	node_handle = 3
	version = 10

HACMPnetwork:
	name = "net_ether_01"
	attr = "public"
	netmask = "255.255.255.0"
	network_id = 1
	alias = 1
	nimname = "ether"
	hb_offset = ""

HACMPnetwork:
	name = "net_ether_02"
	attr = "private"
	netmask = "255.255.255.192"
	network_id = 2
	alias = 1
	nimname = "ether"
	hb_offset = ""

HACMPadapter:
	type = "ether"
	network = "net_ether_01"
	nettype = "diverse"
	attr = "public"
	ip_label = "aixprd01"
	function = "boot"
	identifier = "10.40.1.11"
	haddr = ""
	node = "aixprd01"
	netmask = "255.255.255.0"
	netaddr = ""
	interfacename = "en0"
	globalname = ""
	aliaseddr = ""
	max_aliases = 0

HACMPadapter:
	type = "ether"
	network = "net_ether_01"
	nettype = "diverse"
	attr = "public"
	ip_label = "aixprd01_stby"
	function = "boot"
	identifier = "10.40.2.11"
	haddr = ""
	node = "aixprd01"
	netmask = "255.255.255.0"
	interfacename = "en1"

HACMPadapter:
	type = "ether"
	network = "net_ether_02"
	nettype = "diverse"
	attr = "private"
	ip_label = "aixprd01_bk"
	function = "boot"
	identifier = "172.16.8.1"
	haddr = ""
	node = "aixprd01"
	netmask = "255.255.255.192"
	interfacename = "en3"

HACMPadapter:
	type = "ether"
	network = "net_ether_01"
	nettype = "diverse"
	attr = "public"
	ip_label = "aixprd02"
	function = "boot"
	identifier = "10.40.1.12"
	haddr = ""
	node = "aixprd02"
	netmask = "255.255.255.0"
	interfacename = "en0"

HACMPadapter:
	type = "ether"
	network = "net_ether_01"
	nettype = "diverse"
	attr = "public"
	ip_label = "aixprd02_stby"
	function = "boot"
	identifier = "10.40.2.12"
	haddr = ""
	node = "aixprd02"
	netmask = "255.255.255.0"
	interfacename = "en1"

HACMPadapter:
	type = "ether"
	network = "net_ether_02"
	nettype = "diverse"
	attr = "private"
	ip_label = "aixprd02_bk"
	function = "boot"
	identifier = "172.16.8.2"
	haddr = ""
	node = "aixprd02"
	netmask = "255.255.255.192"
	interfacename = "en3"

HACMPadapter:
	type = "ether"
	network = "net_ether_01"
	nettype = "diverse"
	attr = "public"
	ip_label = "aixdr01_boot1"
	function = "boot"
	identifier = "10.40.1.31"
	haddr = ""
	node = "aixdr01"
	netmask = "255.255.255.0"
	interfacename = "en2"

HACMPadapter:
	type = "ether"
	network = "net_ether_01"
	nettype = "diverse"
	attr = "public"
	ip_label = "aixdr01_boot2"
	function = "boot"
	identifier = "10.40.2.31"
	haddr = ""
	node = "aixdr01"
	netmask = "255.255.255.0"
	interfacename = "en4"

HACMPadapter:
	type = "ether"
	network = "net_ether_02"
	nettype = "diverse"
	attr = "private"
	ip_label = "aixdr01_bk"
	function = "boot"
	identifier = "172.16.8.3"
	haddr = ""
	node = "aixdr01"
	netmask = "255.255.255.192"
	interfacename = "en5"

HACMPadapter:
	type = "ether"
	network = "net_ether_01"
	nettype = "diverse"
	attr = "public"
	ip_label = "oradb"
	function = "service"
	identifier = "10.40.9.50"
	haddr = ""
	node = ""
	netmask = "255.255.255.0"
	interfacename = ""

HACMPadapter:
	type = "ether"
	network = "net_ether_01"
	nettype = "diverse"
	attr = "public"
	ip_label = "webfront"
	function = "service"
	identifier = "10.40.9.60"
	haddr = ""
	node = ""
	netmask = "255.255.255.0"
	interfacename = ""

HACMPadapter:
	type = "ether"
	network = "net_ether_01"
	nettype = "diverse"
	attr = "public"
	ip_label = "aixprd01_pers"
	function = "persistent"
	identifier = "10.40.7.11"
	haddr = ""
	node = "aixprd01"
	netmask = "255.255.255.0"
	interfacename = ""

HACMPserver:
	name = "oracle_as"
	start = "/u01/hacmp/start_oracle.ksh"
	stop = "/u01/hacmp/stop_oracle.ksh"

HACMPserver:
	name = "apache_as"
	start = "/usr/local/bin/start_web"
	stop = "/usr/local/bin/stop_web"

HACMPgroup:
	group = "ora_rg"
	id = 1
	nodes = "aixprd01 aixprd02 aixdr01"
	startup_pref = "OHN"
	fallover_pref = "FNPN"
	fallback_pref = "NFB"

HACMPgroup:
	group = "web_rg"
	id = 2
	nodes = "aixprd02 aixprd01"
	startup_pref = "OFAN"
	fallover_pref = "FNPN"
	fallback_pref = "FBHPN"

HACMPresource:
	group = "ora_rg"
	name = "SERVICE_LABEL"
	value = "oradb"
	id = 1

HACMPresource:
	group = "ora_rg"
	name = "APPLICATIONS"
	value = "oracle_as"
	id = 2

HACMPresource:
	group = "ora_rg"
	name = "VOLUME_GROUP"
	value = "oravg"
	id = 3

HACMPresource:
	group = "ora_rg"
	name = "FILESYSTEM"
	value = "/oradata"
	id = 4

HACMPresource:
	group = "ora_rg"
	name = "FORCED_VARYON"
	value = "false"
	id = 5

HACMPresource:
	group = "ora_rg"
	name = "INACTIVE_TAKEOVER"
	value = "false"
	id = 6

HACMPresource:
	group = "web_rg"
	name = "SERVICE_LABEL"
	value = "webfront"
	id = 7

HACMPresource:
	group = "web_rg"
	name = "APPLICATIONS"
	value = "apache_as"
	id = 8

HACMPresource:
	group = "web_rg"
	name = "VOLUME_GROUP"
	value = "webvg"
	id = 9

HACMPresource:
	group = "web_rg"
	name = "DISK"
	value = ""
	id = 10

HACMPdaemons:
	daemon = "clinfoES"
	type = "start"

HACMPlogs:
	name = "hacmp.out"
	description = "Generated by event scripts and utilities."
	defaultdir = "/var/hacmp/log"
	value = "/var/hacmp/log"
	rfs = ""
	level = "high"
</ODM
""";

    public const string Info = """
<VER
1.0
</VER
<DSC
Before the Oracle upgrade
</DSC
============================================================================
Node: aixprd01
============================================================================
==== lspv ====
hdisk0          00f6a1b2c0de0001                    rootvg          active
hdisk4          00f6a1b2e1a2b3c4                    oravg
hdisk5          00f6a1b2e1a2b3c5                    oravg
hdisk6          00f6a1b2e1a2b3c6                    webvg
============================================================================
Node: aixprd02
============================================================================
==== lspv ====
hdisk0          00f6a1b2c0de0002                    rootvg          active
hdisk2          00f6a1b2e1a2b3c4                    oravg
hdisk3          00f6a1b2e1a2b3c5                    oravg
hdisk7          00f6a1b2e1a2b3c6                    webvg
""";
}
