package com.acme.web;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

@Controller
public class LoginController {
    void servlet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: open-redirect
        response.sendRedirect(request.getParameter("next"));
    }

    @GetMapping("/login")
    public String login(@RequestParam("next") String next) {
        // ruleid: open-redirect
        return "redirect:" + next;
    }

    @GetMapping("/sso")
    public RedirectView sso(@RequestParam String returnTo) {
        // ruleid: open-redirect
        return new RedirectView(returnTo);
    }

    @GetMapping("/orders")
    public String order(@RequestParam String id) {
        // ok: open-redirect
        return "redirect:/orders/" + id;
    }

    void checked(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (next == null || !next.startsWith("/") || next.startsWith("//")) next = "/";
        // ok: open-redirect
        response.sendRedirect(next);
    }

    void home(HttpServletResponse response, String tenant) throws IOException {
        // ok: open-redirect
        response.sendRedirect("/home");
    }
}
