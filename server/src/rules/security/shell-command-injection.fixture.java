package com.acme.ops;

import java.io.IOException;

public class Commands {
    static Process backup(String dir) throws IOException {
        // ruleid: shell-command-injection
        return Runtime.getRuntime().exec("tar -czf /backups/out.tgz " + dir);
    }

    static Process hook(String script) throws IOException {
        // ruleid: shell-command-injection
        return new ProcessBuilder("sh", "-c", script).start();
    }

    static Process grep(String pattern, String file) throws IOException {
        Runtime rt = Runtime.getRuntime();
        // ruleid: shell-command-injection
        return rt.exec(String.format("grep %s %s", pattern, file));
    }

    static Process backupSafe(String dir) throws IOException {
        // ok: shell-command-injection
        return new ProcessBuilder("tar", "-czf", "/backups/out.tgz", "--", dir).start();
    }

    static Process argv(java.util.List<String> cmds) throws IOException {
        // ok: shell-command-injection
        return Runtime.getRuntime().exec(cmds.toArray(new String[0]));
    }

    static Process listing() throws IOException {
        // ok: shell-command-injection
        return Runtime.getRuntime().exec("ls -la /var/log");
    }

    static Process args(String dir) throws IOException {
        // ok: shell-command-injection
        return Runtime.getRuntime().exec(new String[] {"ls", "-la", dir});
    }
}
