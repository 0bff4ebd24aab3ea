package com.acme.web;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

// ruleid: permissive-cors
@CrossOrigin("*")
@RestController
public class OrdersController {
    // ruleid: permissive-cors
    @CrossOrigin
    @GetMapping("/orders")
    public String orders() { return "[]"; }

    // ok: permissive-cors
    @CrossOrigin(origins = "https://shop.example.com")
    @GetMapping("/cart")
    public String cart() { return "{}"; }

    // ok: permissive-cors
    @CrossOrigin(origins = {"https://shop.example.com", "https://admin.example.com"}, maxAge = 3600)
    @GetMapping("/admin")
    public String admin() { return "{}"; }
}

class CorsConfig implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // ruleid: permissive-cors
        registry.addMapping("/**").allowedOriginPatterns("*").allowCredentials(true);
        // ok: permissive-cors
        registry.addMapping("/public/**").allowedOrigins("https://shop.example.com");
    }
}
