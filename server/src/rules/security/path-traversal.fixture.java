package com.acme.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class FilesController {
    private static final String UPLOADS = "/srv/uploads";

    @GetMapping("/download")
    public byte[] download(@RequestParam String file) throws IOException {
        // ruleid: path-traversal
        return Files.readAllBytes(Paths.get(UPLOADS, file));
    }

    @GetMapping("/files/{name}")
    public byte[] read(@PathVariable("name") String name) throws IOException {
        // ruleid: path-traversal
        try (FileInputStream in = new FileInputStream(new File(UPLOADS, name))) {
            return in.readAllBytes();
        }
    }

    byte[] servlet(HttpServletRequest request) throws IOException {
        // ruleid: path-traversal
        return Files.readAllBytes(Path.of(UPLOADS + "/" + request.getParameter("file")));
    }

    @GetMapping("/safe")
    public byte[] safe(@RequestParam String file) throws IOException {
        Path base = Paths.get(UPLOADS).toRealPath();
        Path target = base.resolve(file).normalize();
        if (!target.startsWith(base)) throw new IOException("outside uploads");
        // ok: path-traversal
        return Files.readAllBytes(Paths.get(target.toString()));
    }

    @GetMapping("/by-id")
    public byte[] byId(@RequestParam long id) throws IOException {
        // ok: path-traversal
        return Files.readAllBytes(Paths.get(UPLOADS, "report.pdf"));
    }

    byte[] config(String path) throws IOException {
        // ok: path-traversal
        return Files.readAllBytes(Paths.get(path));
    }
}
