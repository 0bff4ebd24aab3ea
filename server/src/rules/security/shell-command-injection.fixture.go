package media

import (
	"context"
	"fmt"
	"os/exec"
)

const cleanup = "find /tmp/thumbs -mtime +1 -delete"

func thumbnail(ctx context.Context, src, size string) ([]byte, error) {
	// ruleid: shell-command-injection
	return exec.CommandContext(ctx, "sh", "-c", "convert "+src+" -resize "+size+" png:-").Output()
}

func archive(dir string) error {
	cmd := fmt.Sprintf("tar -czf /backups/out.tgz %s", dir)
	// ruleid: shell-command-injection
	return exec.Command("/bin/bash", "-c", cmd).Run()
}

func runHook(script string) error {
	// ruleid: shell-command-injection
	return exec.Command("sh", "-c", script).Run()
}

func thumbnailSafe(ctx context.Context, src, size string) ([]byte, error) {
	// ok: shell-command-injection
	return exec.CommandContext(ctx, "convert", src, "-resize", size, "png:-").Output()
}

func purge() error {
	// ok: shell-command-injection
	return exec.Command("sh", "-c", cleanup).Run()
}

func listing() ([]byte, error) {
	// ok: shell-command-injection
	return exec.Command("sh", "-c", "ls -la /var/log | head -20").Output()
}
